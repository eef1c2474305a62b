import { InMemoryEventStore } from '#ltc/event-store';
import type { ProjectionRunner } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { leadResponseTimesDb, leadResponseTimesProjection } from './lead-response-times.projection.js';
import { speedToLead, type SpeedToLeadQuery } from './speed-to-lead.queries.js';
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

const NOW = new Date(at('12:00:00'));
const ALL: SpeedToLeadQuery = { window: { from: null, before: null }, groupBy: 'source' };

/**
 * a1 contacted in time; a2 reassigned uncontacted after its due time, then contacted late;
 * a3 pooled before its due time, claimed and disqualified uncontacted after it; a4 still
 * has time; a5 is overdue. globex's lead must never show in acme's figures.
 */
async function seed(history: LeadHistory): Promise<void> {
  const h = history;
  await h.append(
    'acme',
    h.captured('a1', 'website', at('09:00:00')),
    h.assigned('a1', 'ana', 1, at('09:00:00'), at('09:05:00')),
    h.attempted('a1', 'ana', 1, at('09:01:00'), 60),
    h.attempted('a1', 'ana', 2, at('09:30:00'), null),
  );
  await h.append(
    'acme',
    h.captured('a2', 'referral_customer', at('09:00:00')),
    h.assigned('a2', 'bo', 1, at('09:00:00'), at('09:05:00')),
    h.assigned('a2', 'cleo', 2, at('09:10:00'), at('09:15:00'), 'round_robin'),
    h.attempted('a2', 'cleo', 1, at('09:20:00'), 600),
  );
  await h.append(
    'acme',
    h.captured('a3', 'lead_list', at('09:00:00')),
    h.assigned('a3', 'ana', 1, at('09:00:00'), at('09:05:00')),
    h.pooled('a3', at('09:03:00')),
    h.assigned('a3', 'bo', 2, at('09:40:00'), at('09:45:00'), 'cherry_pick'),
    h.disqualified('a3', 'no_need', at('10:00:00')),
  );
  await h.append(
    'acme',
    h.captured('a4', 'website', at('09:00:00')),
    h.assigned('a4', 'bo', 1, at('09:00:00'), at('13:00:00')),
  );
  await h.append(
    'acme',
    h.captured('a5', 'website', at('09:00:00')),
    h.assigned('a5', 'cleo', 1, at('09:00:00'), at('09:05:00')),
  );
  await h.append('acme', h.attempted('ghost', 'ana', 1, at('09:00:00'), 5));
  await h.append(
    'globex',
    h.captured('g1', 'website', at('09:00:00')),
    h.assigned('g1', 'ana', 1, at('09:00:00'), at('09:05:00')),
    h.attempted('g1', 'ana', 1, at('09:00:30'), 30),
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
    runner = runnerFor(store, db.handle.db, leadResponseTimesProjection);
    await seed(history);
    await runner.start();
    await runner.waitFor('lead_response_times', history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await db.dispose();
  });

  const rows = () =>
    leadResponseTimesDb(db.handle.db)
      .selectFrom('lead_response_times')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('lead_id')
      .orderBy('assignment_no')
      .execute();

  it('keeps one row per assignment with its source, due time and first contact', async () => {
    const acme = (await rows()).filter((row) => row.tenant_id === 'acme');
    const base = { tenant_id: 'acme', method: 'manual', first_contact_at: null, seconds_to_first_contact: null };
    const open = { within_target: null, ended_at: null, ended_by: null };
    expect(acme).toEqual([
      {
        ...base,
        lead_id: 'a1',
        assignment_no: 1,
        source: 'website',
        rep_id: 'ana',
        assigned_at: at('09:00:00'),
        response_due_at: at('09:05:00'),
        first_contact_at: at('09:01:00'),
        seconds_to_first_contact: 60,
        within_target: 1,
        ended_at: null,
        ended_by: null,
      },
      {
        ...base,
        ...open,
        lead_id: 'a2',
        assignment_no: 1,
        source: 'referral_customer',
        rep_id: 'bo',
        assigned_at: at('09:00:00'),
        response_due_at: at('09:05:00'),
        ended_at: at('09:10:00'),
        ended_by: 'reassigned',
      },
      {
        ...base,
        lead_id: 'a2',
        assignment_no: 2,
        source: 'referral_customer',
        rep_id: 'cleo',
        method: 'round_robin',
        assigned_at: at('09:10:00'),
        response_due_at: at('09:15:00'),
        first_contact_at: at('09:20:00'),
        seconds_to_first_contact: 600,
        within_target: 0,
        ended_at: null,
        ended_by: null,
      },
      {
        ...base,
        ...open,
        lead_id: 'a3',
        assignment_no: 1,
        source: 'lead_list',
        rep_id: 'ana',
        assigned_at: at('09:00:00'),
        response_due_at: at('09:05:00'),
        ended_at: at('09:03:00'),
        ended_by: 'pooled',
      },
      {
        ...base,
        ...open,
        lead_id: 'a3',
        assignment_no: 2,
        source: 'lead_list',
        rep_id: 'bo',
        method: 'cherry_pick',
        assigned_at: at('09:40:00'),
        response_due_at: at('09:45:00'),
        ended_at: at('10:00:00'),
        ended_by: 'disqualified',
      },
      {
        ...base,
        ...open,
        lead_id: 'a4',
        assignment_no: 1,
        source: 'website',
        rep_id: 'bo',
        assigned_at: at('09:00:00'),
        response_due_at: at('13:00:00'),
      },
      {
        ...base,
        ...open,
        lead_id: 'a5',
        assignment_no: 1,
        source: 'website',
        rep_id: 'cleo',
        assigned_at: at('09:00:00'),
        response_due_at: at('09:05:00'),
      },
    ]);
  });

  it('reports speed to lead per source with nearest-rank percentiles, overdue judged at the given now', async () => {
    const report = await speedToLead(db.handle.db, 'acme', ALL, NOW);
    expect(report.total).toEqual({
      assignments: 7,
      contacted: 2,
      medianSeconds: 60,
      p90Seconds: 600,
      withinTarget: 1,
      withinTargetShare: 0.2,
      waiting: 2,
      overdue: 1,
    });
    expect(report.groups).toEqual([
      {
        key: 'lead_list',
        assignments: 2,
        contacted: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        withinTargetShare: 0,
        waiting: 0,
        overdue: 0,
      },
      {
        key: 'referral_customer',
        assignments: 2,
        contacted: 1,
        medianSeconds: 600,
        p90Seconds: 600,
        withinTarget: 0,
        withinTargetShare: 0,
        waiting: 0,
        overdue: 0,
      },
      {
        key: 'website',
        assignments: 3,
        contacted: 1,
        medianSeconds: 60,
        p90Seconds: 60,
        withinTarget: 1,
        withinTargetShare: 0.5,
        waiting: 2,
        overdue: 1,
      },
    ]);
    const earlier = await speedToLead(db.handle.db, 'acme', ALL, new Date(at('09:04:00')));
    expect(earlier.total).toMatchObject({ waiting: 2, overdue: 0 });
  });

  it('groups by rep and by team (from org_reps), and filters by window, source, rep and team', async () => {
    const byRep = await speedToLead(db.handle.db, 'acme', { ...ALL, groupBy: 'rep' }, NOW);
    expect(byRep.groups.map((g) => [g.key, g.assignments, g.contacted])).toEqual([
      ['ana', 2, 1],
      ['bo', 3, 0],
      ['cleo', 2, 1],
    ]);
    const noDirectory = await speedToLead(db.handle.db, 'acme', { ...ALL, groupBy: 'team' }, NOW);
    expect(noDirectory.groups.map((g) => [g.key, g.assignments])).toEqual([[null, 7]]);

    await registerReps(db.handle.db, [
      { tenantId: 'acme', repId: 'ana', teamId: 'north', maxOpenLeads: 5 },
      { tenantId: 'acme', repId: 'bo', teamId: 'north', maxOpenLeads: 5 },
      { tenantId: 'acme', repId: 'cleo', teamId: null, maxOpenLeads: 5 },
      { tenantId: 'globex', repId: 'cleo', teamId: 'north', maxOpenLeads: 5 },
    ]);
    const byTeam = await speedToLead(db.handle.db, 'acme', { ...ALL, groupBy: 'team' }, NOW);
    expect(byTeam.groups.map((g) => [g.key, g.assignments])).toEqual([
      ['north', 5],
      [null, 2],
    ]);
    const north = await speedToLead(db.handle.db, 'acme', { ...ALL, teamId: 'north' }, NOW);
    expect(north.total.assignments).toBe(5);
    expect((await speedToLead(db.handle.db, 'acme', { ...ALL, teamId: 'nowhere' }, NOW)).total.assignments).toBe(0);

    const late = await speedToLead(
      db.handle.db,
      'acme',
      { ...ALL, window: { from: at('09:30:00'), before: null } },
      NOW,
    );
    expect(late.groups.map((g) => [g.key, g.assignments])).toEqual([['lead_list', 1]]);
    const early = await speedToLead(
      db.handle.db,
      'acme',
      { ...ALL, window: { from: null, before: at('09:10:00') } },
      NOW,
    );
    expect(early.total.assignments).toBe(5);
    expect((await speedToLead(db.handle.db, 'acme', { ...ALL, source: 'website' }, NOW)).total.assignments).toBe(3);
    expect((await speedToLead(db.handle.db, 'acme', { ...ALL, repId: 'cleo' }, NOW)).total).toMatchObject({
      assignments: 2,
      medianSeconds: 600,
    });
  });

  it('keeps tenants apart', async () => {
    const globex = await speedToLead(db.handle.db, 'globex', ALL, NOW);
    expect(globex.total).toMatchObject({ assignments: 1, contacted: 1, medianSeconds: 30, withinTarget: 1 });
    expect((await speedToLead(db.handle.db, 'initech', ALL, NOW)).total.assignments).toBe(0);
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const snapshot = async () => ({
      times: await rows(),
      sources: await leadResponseTimesDb(db.handle.db)
        .selectFrom('lead_response_sources')
        .selectAll()
        .orderBy('tenant_id')
        .orderBy('lead_id')
        .execute(),
    });
    const before = await snapshot();
    expect(before.times).toHaveLength(8);
    expect(before.sources).toHaveLength(6);
    await runner.rebuild('lead_response_times');
    await runner.waitFor('lead_response_times', history.head);
    expect(await snapshot()).toEqual(before);
    await runner.stop();
    await replayOneByOne(store, db.handle.db, leadResponseTimesProjection);
    expect(await snapshot()).toEqual(before);
  });
}

describe('Lead response times read model on SQLite', () => {
  suite(() => sqliteDb('response-times'));
});

await describeWithPostgres('Lead response times read model on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'resptimes'));
});
