import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { ProjectionRunner, openReadModelDb, type Projection, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema } from '#ltc/testing';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import type { QuoteVersionCreated } from '../../domain/quote.events.js';
import { opportunityStream } from '../../opportunity-streams.js';

/** `hh:mm:ss` on 2 March 2026, as the decider writes times; `day(n, …)` n days later. */
export const at = (time: string, day = 0): string =>
  new Date(Date.parse(`2026-03-02T${time}.000Z`) + day * 86_400_000).toISOString();

export interface TestDb {
  readonly handle: ReadModelHandle;
  dispose(): Promise<void>;
}

export async function sqliteDb(prefix: string): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), `ltc-${prefix}-`));
  const handle = await openReadModelDb({ sqliteFilename: join(dir, 'rm.sqlite') });
  return {
    handle,
    async dispose() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresDb(url: string, prefix: string): Promise<TestDb> {
  const schema = await createTestSchema(url, prefix);
  const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
  return {
    handle,
    async dispose() {
      await handle.close();
      await schema.drop();
    },
  };
}

const metadata = (tenantId: string): EventMetadata => ({
  actor: { userId: 'tester', role: 'sales_manager' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

/** Writes deal histories straight into a store, as the deal decider would have. */
export class DealHistory {
  readonly store = new InMemoryEventStore();
  head = 0n;

  async append(tenantId: string, ...events: OpportunityEvent[]): Promise<void> {
    const first = events[0];
    if (!first) return;
    const result = await this.store.appendToStream(
      opportunityStream(first.data.opportunityId),
      events.map((event) => ({ type: event.type, data: event.data, metadata: metadata(tenantId) })),
    );
    this.head = result.position;
  }

  /** A runner over the given projections with small batches, caught up with the store. */
  async runner(db: ReadModelHandle, projections: readonly Projection[]): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({ store: this.store, db: db.db, projections: [...projections], batchSize: 3 });
    await runner.start();
    for (const projection of projections) await runner.waitFor(projection.name, this.head);
    return runner;
  }

  /** Resets and refolds with `apply`, one event per transaction (what a batch must agree with). */
  async replayOneByOne(db: ReadModelHandle, projection: Projection): Promise<void> {
    await db.db.transaction().execute((trx) => projection.reset(trx));
    for (const event of await this.store.readAll(projection.filter ? { filter: projection.filter } : {})) {
      await db.db.transaction().execute((trx) => projection.apply(trx, event));
    }
  }
}

type Ev<T extends OpportunityEvent['type']> = Extract<OpportunityEvent, { type: T }>;

export const opened = (
  opportunityId: string,
  owner: string,
  when: string,
  source: string | null = 'website',
  pipelineId = 'default',
): Ev<'OpportunityOpened'> => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId,
    origin: source === null ? 'direct' : 'lead_conversion',
    lead: source === null ? null : { leadId: opportunityId, source, contactPerson: null, tags: [], score: null },
    name: `Deal ${opportunityId}`,
    account: null,
    amount: null,
    closeDate: null,
    productsOfInterest: [],
    owner,
    team: null,
    region: null,
    pipelineId,
    pipelineVersion: 0,
    stageId: 'qualify',
    probabilityBp: 1000,
    forecastCategory: 'pipeline',
    actor: owner,
    at: when,
  },
});

const attributed = (opportunityId: string, when: string) => ({
  opportunityId,
  actor: 'tester',
  reason: null,
  at: when,
});

export const triangleFormed = (
  opportunityId: string,
  seats: { ar: string; sr?: string; fr?: string; sponsor?: string },
  when: string,
): Ev<'TriangleFormed'> => ({
  type: 'TriangleFormed',
  data: {
    ...attributed(opportunityId, when),
    ar: seats.ar,
    sr: seats.sr ?? null,
    fr: seats.fr ?? null,
    sponsor: seats.sponsor ?? null,
  },
});

export const stageChanged = (
  opportunityId: string,
  from: string,
  to: string,
  when: string,
): Ev<'OpportunityStageChanged'> => ({
  type: 'OpportunityStageChanged',
  data: {
    ...attributed(opportunityId, when),
    stageId: to,
    previousStageId: from,
    pipelineVersion: 0,
    probabilityBp: 5000,
    forecastCategory: 'pipeline',
  },
});

export const won = (
  opportunityId: string,
  from: string,
  when: string,
  amountMinor = 100_00,
  currency = 'EUR',
): Ev<'OpportunityWon'> => ({
  type: 'OpportunityWon',
  data: {
    ...attributed(opportunityId, when),
    quoteVersion: 1,
    amount: { amountMinor, currency },
    stageId: 'won',
    previousStageId: from,
    pipelineVersion: 0,
  },
});

export const lost = (opportunityId: string, from: string, reasonCode: string, when: string): Ev<'OpportunityLost'> => ({
  type: 'OpportunityLost',
  data: {
    ...attributed(opportunityId, when),
    reasonCode,
    competitor: null,
    note: null,
    stageId: 'lost',
    previousStageId: from,
    pipelineVersion: 0,
  },
});

export const reopened = (opportunityId: string, stageId: string, when: string): Ev<'OpportunityReopened'> => ({
  type: 'OpportunityReopened',
  data: {
    ...attributed(opportunityId, when),
    reason: 'customer came back',
    stageId,
    probabilityBp: 5000,
    forecastCategory: 'pipeline',
  },
});

export const handoffRequested = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
  dueAt: string,
  escalateAt: string,
): Ev<'HandoffRequested'> => ({
  type: 'HandoffRequested',
  data: {
    opportunityId,
    handoffId,
    from,
    to,
    phase: 'bid',
    notes: 'over to you',
    openItems: ['pricing'],
    dueAt,
    escalateAt,
    at: when,
  },
});

export const handoffAccepted = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
  secondsToAccept: number,
): Ev<'HandoffAccepted'> => ({
  type: 'HandoffAccepted',
  data: { opportunityId, handoffId, from, to, phase: 'bid', secondsToAccept, at: when },
});

export const handoffDeclined = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
): Ev<'HandoffDeclined'> => ({
  type: 'HandoffDeclined',
  data: { opportunityId, handoffId, from, to, reason: 'on leave', at: when },
});

export const handoffOverdue = (
  opportunityId: string,
  handoffId: string,
  to: string,
  sponsor: string | null,
  dueAt: string,
  when: string,
): Ev<'HandoffOverdue'> => ({
  type: 'HandoffOverdue',
  data: { opportunityId, handoffId, to, sponsor, dueAt, at: when },
});

export const handoffEscalated = (
  opportunityId: string,
  handoffId: string,
  to: string,
  escalatedTo: string | null,
  escalateAt: string,
  when: string,
): Ev<'HandoffEscalated'> => ({
  type: 'HandoffEscalated',
  data: { opportunityId, handoffId, to, escalatedTo, escalateAt, at: when },
});

export const quoteCreated = (
  opportunityId: string,
  version: number,
  needsApproval: boolean,
  when: string,
): QuoteVersionCreated => ({
  type: 'QuoteVersionCreated',
  data: {
    opportunityId,
    version,
    currency: 'EUR',
    lines: [],
    subtotalMinor: 1000_00,
    discountMinor: needsApproval ? 200_00 : 100_00,
    totalMinor: needsApproval ? 800_00 : 900_00,
    validUntil: '2026-04-30',
    needsApproval,
    approvalThresholdBp: 1500,
    actor: 'tester',
    at: when,
  },
});

export const approvalRequested = (
  opportunityId: string,
  version: number,
  actor: string,
  when: string,
): Ev<'QuoteApprovalRequested'> => ({
  type: 'QuoteApprovalRequested',
  data: { opportunityId, version, actor, at: when },
});

export const quoteApproved = (
  opportunityId: string,
  version: number,
  actor: string,
  requestedBy: string,
  when: string,
): Ev<'QuoteApproved'> => ({
  type: 'QuoteApproved',
  data: { opportunityId, version, requestedBy, actor, note: null, at: when },
});

export const memberChanged = (
  opportunityId: string,
  seat: 'ar' | 'sr' | 'fr' | 'sponsor',
  personId: string | null,
  previousPersonId: string | null,
  when: string,
): Ev<'TriangleMemberChanged'> => ({
  type: 'TriangleMemberChanged',
  data: { ...attributed(opportunityId, when), seat, personId, previousPersonId },
});
