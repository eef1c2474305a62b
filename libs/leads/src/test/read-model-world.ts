import { InMemoryEventStore } from '#ltc/event-store';
import { ProjectionRunner, type Projection, type ReadModelDb } from '#ltc/projections';
import { postgresTestDb, sqliteTestDb, type TestDb } from '#ltc/testing';
import type { LeadSource } from '../domain/lead-sources.js';
import type { LeadCaptured, LeadEvent } from '../domain/lead.events.js';
import type { AssignmentMethod, DisqualificationReason } from '../domain/lead-vocabulary.js';
import { salesOrgProjection } from '../sales-org/sales-org.projection.js';
import { eventMetadata } from './event-metadata.js';
import { OrgHistory, repDeactivated, repRegistered } from '../sales-org/test/org-history.js';

/**
 * A read-model database for one test, and how to throw it away. It has the leads' sales-org
 * tables (empty), as every engine process sets them up before it serves a read.
 */
export type { TestDb };

export async function sqliteDb(prefix: string): Promise<TestDb> {
  return withSalesOrgTables(await sqliteTestDb(prefix));
}

export async function postgresDb(url: string, prefix: string): Promise<TestDb> {
  return withSalesOrgTables(await postgresTestDb(url, prefix));
}

async function withSalesOrgTables(testDb: TestDb): Promise<TestDb> {
  await salesOrgProjection.setup(testDb.handle.db);
  return testDb;
}

/** `09:mm:ss` on 2 March 2026, in the `toISOString()` form the lead decider writes. */
export const at = (time: string): string => `2026-03-02T${time}.000Z`;

/** Writes lead histories straight into an event store, as the lead decider would have. */
export class LeadHistory {
  constructor(readonly store: InMemoryEventStore) {}

  head = 0n;

  async append(tenantId: string, ...events: LeadEvent[]): Promise<void> {
    const first = events[0];
    if (!first) return;
    const result = await this.store.appendToStream(
      `lead-${first.data.leadId}`,
      events.map((event) => ({ type: event.type, data: event.data, metadata: eventMetadata(tenantId) })),
    );
    this.head = result.position;
  }

  /** `lineage`: where else the lead came from (e.g. `raisedFromTicket`). */
  captured(
    leadId: string,
    source: LeadSource,
    when: string,
    lineage: Pick<LeadCaptured['data'], 'raisedFromTicket' | 'importBatchId'> = {},
  ): LeadEvent {
    return {
      type: 'LeadCaptured',
      data: {
        leadId,
        name: leadId,
        company: null,
        contact: { person: null, email: `${leadId}@example.com`, phone: null },
        source,
        region: null,
        complete: true,
        capturedAt: when,
        ...lineage,
      },
    };
  }

  assigned(
    leadId: string,
    repId: string,
    assignmentNo: number,
    when: string,
    dueAt: string,
    method: AssignmentMethod = 'manual',
  ): LeadEvent {
    return {
      type: 'LeadAssigned',
      data: {
        leadId,
        repId,
        previousRepId: null,
        assignmentNo,
        method,
        policyVersion: null,
        candidates: [],
        reason: 'test',
        responseDueAt: dueAt,
        at: when,
      },
    };
  }

  attempted(
    leadId: string,
    repId: string,
    attemptNo: number,
    when: string,
    secondsSinceAssignment: number | null,
  ): LeadEvent {
    return {
      type: 'LeadContactAttempted',
      data: {
        leadId,
        repId,
        attemptNo,
        channel: 'phone',
        outcome: 'reached',
        note: null,
        secondsSinceAssignment,
        at: when,
      },
    };
  }

  qualified(leadId: string, when: string): LeadEvent {
    return { type: 'LeadQualified', data: { leadId, budget: 'b', authority: 'a', need: 'n', timeline: 't', at: when } };
  }

  disqualified(leadId: string, reasonCode: DisqualificationReason, when: string): LeadEvent {
    return { type: 'LeadDisqualified', data: { leadId, reasonCode, note: null, at: when } };
  }

  converted(leadId: string, when: string): LeadEvent {
    return { type: 'LeadConverted', data: { leadId, dealId: `deal-${leadId}`, repId: null, at: when } };
  }

  pooled(leadId: string, when: string): LeadEvent {
    return {
      type: 'LeadPooled',
      data: { leadId, method: 'cherry_pick', policyVersion: null, notifiedRepIds: [], reason: 'test', at: when },
    };
  }
}

/** A runner over one projection with small batches, so batches split lead histories. */
export function runnerFor(store: InMemoryEventStore, db: ReadModelDb, projection: Projection): ProjectionRunner {
  return new ProjectionRunner({ store, db, projections: [projection], batchSize: 3 });
}

/** What a read-model spec works on: a store, a read-model database and a runner over one projection. */
export interface ProjectionWorld {
  readonly store: InMemoryEventStore;
  readonly db: ReadModelDb;
  readonly runner: ProjectionRunner;
  /** The position of the last seeded event, which the runner has applied. */
  readonly head: bigint;
}

/**
 * Before each test, a fresh store filled by `seed` (which gives the position of its last
 * event), a database from `open` and a running runner over `projection` caught up with the
 * store; after each, all closed. Call the returned function inside a test.
 */
export function projectionWorldPerTest(
  open: () => Promise<TestDb>,
  projection: Projection,
  seed: (store: InMemoryEventStore) => Promise<bigint>,
): () => ProjectionWorld {
  let world: ProjectionWorld | undefined;
  let testDb: TestDb | undefined;
  beforeEach(async () => {
    testDb = await open();
    const store = new InMemoryEventStore();
    const head = await seed(store);
    const runner = runnerFor(store, testDb.handle.db, projection);
    await runner.start();
    await runner.waitFor(projection.name, head);
    world = { store, db: testDb.handle.db, runner, head };
  });
  afterEach(async () => {
    await world?.runner.stop();
    await world?.store.close();
    await testDb?.dispose();
  });
  return () => {
    if (!world) throw new Error('projectionWorldPerTest: ask for the world inside a test');
    return world;
  };
}

/**
 * Rebuilds the projection through the runner, then replays it one event at a time
 * ({@link replayOneByOne}); `rows` must read the same after each as before.
 */
export async function expectRebuildsToSameRows(
  world: ProjectionWorld,
  projection: Projection,
  rows: () => Promise<unknown>,
): Promise<void> {
  const before = await rows();
  await world.runner.rebuild(projection.name);
  await world.runner.waitFor(projection.name, world.head);
  expect(await rows()).toEqual(before);
  await world.runner.stop();
  await replayOneByOne(world.store, world.db, projection);
  expect(await rows()).toEqual(before);
}

/**
 * Resets the projection's rows and folds every stored event with `apply`, one event per
 * transaction: the rows must equal what the batched runner wrote.
 */
export async function replayOneByOne(
  store: InMemoryEventStore,
  db: ReadModelDb,
  projection: Projection,
): Promise<void> {
  await db.transaction().execute((trx) => projection.reset(trx));
  for (const event of await store.readAll(projection.filter ? { filter: projection.filter } : {})) {
    await db.transaction().execute((trx) => projection.apply(trx, event));
  }
}

/**
 * Registers reps (and deactivates those marked inactive) the way the organisation's
 * published events reach the leads context: through its own sales-org projection.
 */
export async function registerReps(
  db: ReadModelDb,
  reps: readonly { tenantId: string; repId: string; teamId: string | null; maxOpenLeads: number; active?: boolean }[],
): Promise<void> {
  const store = new InMemoryEventStore();
  const org = new OrgHistory(store);
  for (const rep of reps) {
    const capacity = { maxOpenLeads: rep.maxOpenLeads, dailyQuota: 0 };
    await org.append(rep.tenantId, repRegistered(rep.repId, { teamId: rep.teamId, capacity }));
    if (rep.active === false) await org.append(rep.tenantId, repDeactivated(rep.repId));
  }
  await db.transaction().execute(async (trx) => {
    for (const event of await store.readAll()) await salesOrgProjection.apply(trx, event);
  });
  await store.close();
}
