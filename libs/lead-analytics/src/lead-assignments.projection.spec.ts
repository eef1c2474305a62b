import { InMemoryEventStore } from '#ltc/event-store';
import type { ProjectionRunner } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { setupDistributionLedger } from '#ltc/lead-routing';
import { applyToLedger } from '../../lead-routing/src/distribution/ledger/distribution-ledger.js';
import { asLeadEvent } from '#ltc/leads/domain';
import { distributionReport } from './distribution-fairness.queries.js';
import { leadAssignmentsDb, leadAssignmentsProjection } from './lead-assignments.projection.js';
import {
  LeadHistory,
  at,
  registerReps,
  postgresDb,
  replayOneByOne,
  runnerFor,
  sqliteDb,
  type TestDb,
} from '../../leads/src/test/read-model-world.js';

const NOW = new Date('2026-03-04T12:00:00.000Z');
const EVER = { window: { from: null, before: null } };

/** ana ends up with two open leads, bo and cleo with one each; x3 converted, x2 moved from ana to bo. */
async function seed(history: LeadHistory): Promise<void> {
  const h = history;
  const due = at('23:00:00');
  await h.append('acme', h.captured('x1', 'website', at('09:00:00')), h.assigned('x1', 'ana', 1, at('09:00:00'), due));
  await h.append(
    'acme',
    h.captured('x2', 'website', at('09:00:00')),
    h.assigned('x2', 'ana', 1, at('09:01:00'), due, 'round_robin'),
    h.assigned('x2', 'bo', 2, at('09:30:00'), due, 'round_robin'),
  );
  await h.append(
    'acme',
    h.captured('x3', 'website', at('09:00:00')),
    h.assigned('x3', 'bo', 1, at('09:02:00'), due, 'round_robin'),
    h.converted('x3', at('10:00:00')),
  );
  await h.append(
    'acme',
    h.captured('x4', 'webinar', at('09:00:00')),
    h.assigned('x4', 'cleo', 1, '2026-03-03T09:00:00.000Z', due, 'cherry_pick'),
  );
  await h.append('acme', h.captured('x5', 'website', at('09:00:00')), h.assigned('x5', 'ana', 1, at('09:05:00'), due));
  await h.append(
    'globex',
    h.captured('y1', 'website', at('09:00:00')),
    h.assigned('y1', 'ana', 1, at('09:00:00'), due),
  );
}

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let store: InMemoryEventStore;
  let runner: ProjectionRunner;
  let history: LeadHistory;

  beforeEach(async () => {
    db = await open();
    store = new InMemoryEventStore();
    history = new LeadHistory(store);
    runner = runnerFor(store, db.handle.db, leadAssignmentsProjection);
    await seed(history);
    // Open leads come from the distribution ledger, which the routing process manager keeps.
    await setupDistributionLedger(db.handle.db);
    for (const recorded of await store.readAll()) {
      const event = asLeadEvent(recorded);
      if (event) await applyToLedger(db.handle.db, recorded.metadata.tenantId, event, recorded);
    }
    await runner.start();
    await runner.waitFor('lead_assignments', history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await db.dispose();
  });

  const rows = () =>
    leadAssignmentsDb(db.handle.db).selectFrom('lead_assignments').selectAll().orderBy('position').execute();

  it('keeps one row per LeadAssigned event, in log order', async () => {
    const all = await rows();
    expect(all.map((row) => [row.tenant_id, row.lead_id, row.assignment_no, row.rep_id, row.method])).toEqual([
      ['acme', 'x1', 1, 'ana', 'manual'],
      ['acme', 'x2', 1, 'ana', 'round_robin'],
      ['acme', 'x2', 2, 'bo', 'round_robin'],
      ['acme', 'x3', 1, 'bo', 'round_robin'],
      ['acme', 'x4', 1, 'cleo', 'cherry_pick'],
      ['acme', 'x5', 1, 'ana', 'manual'],
      ['globex', 'y1', 1, 'ana', 'manual'],
    ]);
    expect(all[0]).toMatchObject({ assigned_at: at('09:00:00'), previous_rep_id: null, policy_version: null });
    expect(all[0]?.position).toMatch(/^0{10}\d{10}$/);
  });

  it('shares assignments per rep and method, with open leads against capacity', async () => {
    await registerReps(db.handle.db, [
      { tenantId: 'acme', repId: 'ana', teamId: 'north', maxOpenLeads: 1 },
      { tenantId: 'acme', repId: 'bo', teamId: 'north', maxOpenLeads: 10 },
      { tenantId: 'acme', repId: 'dan', teamId: null, maxOpenLeads: 5 },
      { tenantId: 'acme', repId: 'eve', teamId: null, maxOpenLeads: 5, active: false },
    ]);
    const report = await distributionReport(db.handle.db, 'acme', EVER, NOW);
    expect(report.totalAssignments).toBe(6);
    expect(report.methods).toEqual([
      { method: 'round_robin', assignments: 3, share: 0.5 },
      { method: 'manual', assignments: 2, share: 2 / 6 },
      { method: 'cherry_pick', assignments: 1, share: 1 / 6 },
    ]);
    expect(report.reps.map((r) => [r.repId, r.assignments, r.openLeads, r.capacity, r.utilisation])).toEqual([
      ['ana', 3, 2, 1, 2],
      ['bo', 2, 1, 10, 0.1],
      ['cleo', 1, 1, null, null],
      ['dan', 0, 0, 5, 0],
    ]);
    expect(report.reps[0]).toMatchObject({
      teamId: 'north',
      share: 0.5,
      byMethod: [
        { method: 'manual', assignments: 2 },
        { method: 'round_robin', assignments: 1 },
      ],
      overCapacity: true,
    });
    expect(report.overCapacity).toEqual(['ana']);
  });

  it('filters by method and window; open leads and capacity stay as they are now', async () => {
    const roundRobin = await distributionReport(db.handle.db, 'acme', { ...EVER, method: 'round_robin' }, NOW);
    expect(roundRobin.totalAssignments).toBe(3);
    expect(roundRobin.reps.map((r) => [r.repId, r.assignments, r.share, r.openLeads])).toEqual([
      ['bo', 2, 2 / 3, 1],
      ['ana', 1, 1 / 3, 2],
      ['cleo', 0, 0, 1],
    ]);
    const third = await distributionReport(
      db.handle.db,
      'acme',
      { window: { from: '2026-03-03T00:00:00.000Z', before: null } },
      NOW,
    );
    expect(third.methods).toEqual([{ method: 'cherry_pick', assignments: 1, share: 1 }]);
  });

  it('works without the organisation tables, and keeps tenants apart', async () => {
    const globex = await distributionReport(db.handle.db, 'globex', EVER, NOW);
    expect(globex.reps).toEqual([
      {
        repId: 'ana',
        teamId: null,
        assignments: 1,
        share: 1,
        byMethod: [{ method: 'manual', assignments: 1 }],
        openLeads: 1,
        capacity: null,
        utilisation: null,
        overCapacity: false,
      },
    ]);
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const before = await rows();
    await runner.rebuild('lead_assignments');
    await runner.waitFor('lead_assignments', history.head);
    expect(await rows()).toEqual(before);
    await runner.stop();
    await replayOneByOne(store, db.handle.db, leadAssignmentsProjection);
    expect(await rows()).toEqual(before);
  });
}

describe('Lead assignments read model on SQLite', () => {
  suite(() => sqliteDb('lead-assignments'));
});

await describeWithPostgres('Lead assignments read model on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'leadassign'));
});
