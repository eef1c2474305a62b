import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { ProjectionRunner, type Projection, type ReadModelHandle } from '#ltc/projections';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import { opportunityStream } from '../../opportunity-streams.js';

/** `hh:mm:ss` on 2 March 2026, as the decider writes times; `day(n, …)` n days later. */
export const at = (time: string, day = 0): string =>
  new Date(Date.parse(`2026-03-02T${time}.000Z`) + day * 86_400_000).toISOString();

export { sqliteTestDb as sqliteDb, postgresTestDb as postgresDb, type TestDb } from '#ltc/testing';

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
