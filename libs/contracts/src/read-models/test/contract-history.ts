import { InMemoryEventStore, type EventMetadata, type EventStore } from '#ltc/event-store';
import { ProjectionRunner, type Projection, type ReadModelHandle } from '#ltc/projections';
import type { ContractCommand } from '../../domain/contract.commands.js';
import { contractDecider } from '../../domain/contract.decider.js';
import type { ContractEvent } from '../../domain/contract.events.js';
import type { ContractState } from '../../domain/contract.state.js';
import { contractStream } from '../../contract-streams.js';

export { sqliteTestDb as sqliteDb, postgresTestDb as postgresDb, type TestDb } from '#ltc/testing';

const metadata = (tenantId: string, userId: string): EventMetadata => ({
  actor: { userId, role: 'ar' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

const fold = (events: readonly ContractEvent[]): ContractState =>
  events.reduce((state, event) => contractDecider.evolve(state, event), contractDecider.initialState());

/**
 * Contract histories as the engine writes them: each command is decided by the real contract
 * decider over the stream so far and its events appended to a real (in-memory) store.
 */
export class ContractHistory {
  head = 0n;

  /** On a store of its own, or on the one an application runs on. */
  constructor(readonly store: EventStore = new InMemoryEventStore()) {}

  private readonly streams = new Map<string, ContractEvent[]>();

  /** Decides the commands one after another on `contractId`'s stream; returns what they emitted. */
  async decide(tenantId: string, contractId: string, ...commands: ContractCommand[]): Promise<ContractEvent[]> {
    const key = `${tenantId}\u0000${contractId}`;
    const emitted: ContractEvent[] = [];
    for (const command of commands) {
      const before = this.streams.get(key) ?? [];
      const events = contractDecider.decide({ ...command, contractId }, fold(before));
      if (events.length === 0) continue;
      const result = await this.store.appendToStream(
        contractStream(contractId),
        events.map((event) => ({ type: event.type, data: event.data, metadata: metadata(tenantId, command.actor.id) })),
      );
      this.head = result.position;
      this.streams.set(key, [...before, ...events]);
      emitted.push(...events);
    }
    return emitted;
  }

  /** The contract's state folded directly from its events. */
  stateOf(tenantId: string, contractId: string): ContractState {
    return fold(this.streams.get(`${tenantId}\u0000${contractId}`) ?? []);
  }

  /** The deal renamed on its opportunity stream. */
  async renameDeal(tenantId: string, dealId: string, name: string): Promise<void> {
    const result = await this.store.appendToStream(`opportunity-${dealId}`, [
      {
        type: 'OpportunityRenamed',
        data: {
          opportunityId: dealId,
          name,
          previousName: `Fleet ${dealId}`,
          actor: 'ann-ar',
          reason: null,
          at: '2026-07-02T09:00:00.000Z',
        },
        metadata: metadata(tenantId, 'ann-ar'),
      },
    ]);
    this.head = result.position;
  }

  /** A deal opened on the opportunity stream, as the opportunities context records it. */
  async openDeal(tenantId: string, dealId: string, opening: Record<string, unknown> = {}): Promise<void> {
    const result = await this.store.appendToStream(`opportunity-${dealId}`, [
      {
        type: 'OpportunityOpened',
        data: {
          opportunityId: dealId,
          origin: 'lead_conversion',
          lead: { leadId: dealId, source: 'webinar', contactPerson: null, tags: [], score: 70 },
          name: `Fleet ${dealId}`,
          account: 'Nordic Freight AB',
          amount: { amountMinor: 1_000_000, currency: 'EUR' },
          closeDate: '2026-06-30',
          productsOfInterest: [],
          owner: 'ann-ar',
          team: null,
          region: null,
          pipelineId: 'default',
          pipelineVersion: 0,
          stageId: 'qualify',
          probabilityBp: 1000,
          forecastCategory: 'pipeline',
          actor: 'ann-ar',
          at: '2026-05-01T09:00:00.000Z',
          ...opening,
        },
        metadata: metadata(tenantId, 'ann-ar'),
      },
    ]);
    this.head = result.position;
  }
}

export const runnerFor = (history: ContractHistory, handle: ReadModelHandle, projections: readonly Projection[]) =>
  new ProjectionRunner({ store: history.store, db: handle.db, projections: [...projections], batchSize: 3 });
