import { InMemoryEventStore, type EventMetadata, type EventStore } from '#ltc/event-store';
import type { DomainEvent } from '#ltc/kernel';
import {
  DEFAULT_SLA_POLICY,
  serviceCalendarDecider,
  serviceEntitlementDecider,
  serviceGroupDecider,
  slaPolicyDecider,
  type ServiceCalendarDefinition,
  type ServiceEntitlementDefinition,
  type ServiceGroupDefinition,
  type SlaPolicyDefinition,
} from '../../domain/config/index.js';
import { calendarStream, entitlementStream, serviceGroupStream, slaPolicyStream } from '../../service-streams.js';

export { sqliteTestDb as sqliteDb, postgresTestDb as postgresDb, type TestDb } from '#ltc/testing';

const now = new Date('2026-03-01T09:00:00.000Z');
const actor = 'sven-manager';

const metadata = (tenantId: string): EventMetadata => ({
  actor: { userId: actor, role: 'service_manager' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

const day = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
export const STOCKHOLM: ServiceCalendarDefinition = {
  name: 'Stockholm office',
  timeZone: 'Europe/Stockholm',
  week: { 1: day, 2: day, 3: day, 4: day, 5: day },
  holidays: ['2026-06-19'],
};
export const GOLD: SlaPolicyDefinition = { ...DEFAULT_SLA_POLICY, name: 'Gold', calendarId: 'stockholm' };

/**
 * Configuration histories as the engine writes them: each command decided by the real decider
 * over the stream so far (read back from a real in-memory store) and its events appended.
 */
export class ConfigHistory {
  head = 0n;

  constructor(readonly store: EventStore = new InMemoryEventStore()) {}

  private async append(tenantId: string, stream: string, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const result = await this.store.appendToStream(
      stream,
      events.map((event) => ({ type: event.type, data: event.data, metadata: metadata(tenantId) })),
    );
    this.head = result.position;
  }

  private async fold<State>(
    stream: string,
    decider: { initialState: () => State; evolve: (state: State, event: never) => State },
  ): Promise<State> {
    const events = await this.store.readStream(stream);
    return events.reduce((state, recorded) => decider.evolve(state, recorded as never), decider.initialState());
  }

  async calendar(tenantId: string, calendarId: string, definition: ServiceCalendarDefinition = STOCKHOLM) {
    const stream = calendarStream(tenantId, calendarId);
    const state = await this.fold(stream, serviceCalendarDecider);
    const command = { type: 'ConfigureServiceCalendar' as const, calendarId, definition, actor, now };
    await this.append(tenantId, stream, serviceCalendarDecider.decide(command, state));
  }

  async policy(tenantId: string, policyId: string, definition: SlaPolicyDefinition = GOLD) {
    const stream = slaPolicyStream(tenantId, policyId);
    const state = await this.fold(stream, slaPolicyDecider);
    const command = { type: 'ConfigureSlaPolicy' as const, policyId, definition, calendarKnown: true, actor, now };
    await this.append(tenantId, stream, slaPolicyDecider.decide(command, state));
  }

  async group(tenantId: string, groupId: string, definition: ServiceGroupDefinition) {
    const stream = serviceGroupStream(tenantId, groupId);
    const state = await this.fold(stream, serviceGroupDecider);
    const command = { type: 'ConfigureServiceGroup' as const, groupId, definition, calendarKnown: true, actor, now };
    await this.append(tenantId, stream, serviceGroupDecider.decide(command, state));
  }

  async entitlement(tenantId: string, contractId: string, definition: ServiceEntitlementDefinition) {
    const stream = entitlementStream(tenantId, contractId);
    const state = await this.fold(stream, serviceEntitlementDecider);
    const command = {
      type: 'RecordServiceEntitlement' as const,
      contractId,
      definition,
      contractKnown: true,
      policyKnown: true,
      actor,
      now,
    };
    await this.append(tenantId, stream, serviceEntitlementDecider.decide(command, state));
  }

  /** A contract as the contracts context records it: drafted with the deal's triangle, then handed over. */
  async contract(tenantId: string, contractId: string, dealId: string, handedOverTo: string | null = null) {
    const base = { contractId, actor: 'ann-ar', at: now.toISOString() };
    const drafted = {
      type: 'ContractDrafted',
      data: {
        ...base,
        dealId,
        quoteVersion: 1,
        quoteTotal: { amountMinor: 1_000_000, currency: 'EUR' },
        triangle: { ar: 'ann-ar', sr: 'sam-sr', fr: null, sponsor: 'vera-vp' },
      },
    };
    const handedOver = { type: 'ContractHandedOver', data: { ...base, dealId, from: 'ann-ar', to: handedOverTo } };
    await this.append(tenantId, `contract-${contractId}`, handedOverTo === null ? [drafted] : [drafted, handedOver]);
  }

  /** The deal a contract was drafted from, opened for a customer account. */
  async deal(tenantId: string, dealId: string, account: string) {
    await this.append(tenantId, `opportunity-${dealId}`, [
      { type: 'OpportunityOpened', data: { opportunityId: dealId, name: `Fleet ${dealId}`, account } },
    ]);
  }
}
