import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import type { Money } from '#ltc/kernel';
import { ProjectionRunner, type Projection, type ReadModelHandle } from '#ltc/projections';
import type { OpportunityEvent, OpportunityOpened } from '../../domain/opportunity.events.js';
import type { ForecastCategory } from '../../domain/pipeline.types.js';
import { opportunityStream } from '../../opportunity-streams.js';

export { sqliteTestDb as sqliteDb, postgresTestDb as postgresDb, type TestDb } from '#ltc/testing';

/** Who sent the command: a user id (acting as a rep), or a user id and the role in their token. */
export type HistoryActor = string | { readonly userId: string; readonly role: string };

const metadata = (tenantId: string, actor: HistoryActor): EventMetadata => ({
  actor: typeof actor === 'string' ? { userId: actor, role: 'ar' } : actor,
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

/** `dd` March 2026 at 09:00, in the `toISOString()` form the decider writes. */
export const day = (dd: number): string => `2026-03-${String(dd).padStart(2, '0')}T09:00:00.000Z`;

export const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });

/** Writes deal histories straight into an event store, as the opportunity decider would have. */
export class DealHistory {
  readonly store = new InMemoryEventStore();
  head = 0n;

  async append(tenantId: string, actor: HistoryActor, ...events: OpportunityEvent[]): Promise<void> {
    const first = events[0];
    if (!first) return;
    const result = await this.store.appendToStream(
      opportunityStream(first.data.opportunityId),
      events.map((event) => ({ type: event.type, data: event.data, metadata: metadata(tenantId, actor) })),
    );
    this.head = result.position;
  }
}

type Opening = Partial<OpportunityOpened['data']> & { opportunityId: string; owner: string };

export const opened = (o: Opening): OpportunityOpened => ({
  type: 'OpportunityOpened',
  data: {
    origin: 'direct',
    lead: null,
    name: `Deal ${o.opportunityId}`,
    account: 'Acme GmbH',
    amount: eur(1_000_000),
    closeDate: '2026-04-30',
    productsOfInterest: [],
    team: null,
    region: null,
    pipelineId: 'default',
    pipelineVersion: 0,
    stageId: 'qualify',
    probabilityBp: 1000,
    forecastCategory: 'pipeline',
    actor: o.owner,
    at: day(1),
    ...o,
  },
});

const by = (opportunityId: string, actor: string, at: string) => ({ opportunityId, actor, reason: null, at });

export const deal = (opportunityId: string, actor: string) => ({
  triangle: (
    ar: string,
    sr: string | null,
    fr: string | null,
    sponsor: string | null,
    at = day(2),
  ): OpportunityEvent => ({
    type: 'TriangleFormed',
    data: { ...by(opportunityId, actor, at), ar, sr, fr, sponsor },
  }),
  seat: (seat: 'ar' | 'sr' | 'fr' | 'sponsor', personId: string | null, previousPersonId: string | null, at = day(3)) =>
    ({
      type: 'TriangleMemberChanged',
      data: { ...by(opportunityId, actor, at), seat, personId, previousPersonId },
    }) satisfies OpportunityEvent,
  stage: (
    stageId: string,
    previousStageId: string,
    probabilityBp: number,
    forecastCategory: ForecastCategory,
    at = day(4),
  ) =>
    ({
      type: 'OpportunityStageChanged',
      data: {
        ...by(opportunityId, actor, at),
        stageId,
        previousStageId,
        pipelineVersion: 0,
        probabilityBp,
        forecastCategory,
      },
    }) satisfies OpportunityEvent,
  handoff: (handoffId: string, from: string, to: string, at = day(5)) =>
    ({
      type: 'HandoffRequested',
      data: {
        opportunityId,
        handoffId,
        from,
        to,
        phase: 'bid',
        notes: 'over to you',
        openItems: [],
        dueAt: day(6),
        escalateAt: day(7),
        at,
      },
    }) satisfies OpportunityEvent,
  accepted: (handoffId: string, from: string, to: string, at = day(6)) =>
    ({
      type: 'HandoffAccepted',
      data: { opportunityId, handoffId, from, to, phase: 'bid', secondsToAccept: 3600, at },
    }) satisfies OpportunityEvent,
  closeDate: (closeDate: string | null, previousCloseDate: string | null, at = day(8)) =>
    ({
      type: 'OpportunityCloseDateChanged',
      data: { ...by(opportunityId, actor, at), reason: 'customer asked', closeDate, previousCloseDate },
    }) satisfies OpportunityEvent,
  amount: (amount: Money | null, previousAmount: Money | null, at = day(8)) =>
    ({
      type: 'OpportunityAmountChanged',
      data: { ...by(opportunityId, actor, at), amount, previousAmount },
    }) satisfies OpportunityEvent,
  won: (quoteVersion: number, amount: Money, previousStageId: string, at = day(10)) =>
    ({
      type: 'OpportunityWon',
      data: {
        ...by(opportunityId, actor, at),
        quoteVersion,
        amount,
        stageId: 'won',
        previousStageId,
        pipelineVersion: 0,
      },
    }) satisfies OpportunityEvent,
  lost: (reasonCode: string, previousStageId: string, at = day(10)) =>
    ({
      type: 'OpportunityLost',
      data: {
        ...by(opportunityId, actor, at),
        reasonCode,
        competitor: 'Globex',
        note: null,
        stageId: 'lost',
        previousStageId,
        pipelineVersion: 0,
      },
    }) satisfies OpportunityEvent,
  reopened: (stageId: string, probabilityBp: number, forecastCategory: ForecastCategory, at = day(11)) =>
    ({
      type: 'OpportunityReopened',
      data: { ...by(opportunityId, actor, at), reason: 'customer came back', stageId, probabilityBp, forecastCategory },
    }) satisfies OpportunityEvent,
});

/** A runner over the given projections with small batches, so batches split deal histories. */
export const runnerFor = (history: DealHistory, handle: ReadModelHandle, projections: readonly Projection[]) =>
  new ProjectionRunner({ store: history.store, db: handle.db, projections: [...projections], batchSize: 3 });
