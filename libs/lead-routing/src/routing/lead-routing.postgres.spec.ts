import { describeWithPostgres } from '#ltc/testing';
import { openLeadsOf, repLoads } from '../distribution/ledger/ledger.queries.js';
import { listAttemptsDue } from './lead-attempts-due.js';
import { listNotifications } from './lead-notifications.js';
import { RoutingWorld, TENANT } from './test/routing-world.js';
import { fullTeam, strandedLeadsScenario } from './test/stranded-scenario.js';

await describeWithPostgres('Lead routing › read models in PostgreSQL', (url) => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start({ postgresUrl: url });
  });
  afterEach(() => world.stop());

  it('rotates exactly and respects capacity with the ledger in PostgreSQL', async () => {
    world.directory.add('ana');
    world.directory.add('bo');
    world.directory.add('cleo', { capacity: { maxOpenLeads: 5, dailyQuota: 0 } });
    await world.run();
    const ids = Array.from({ length: 60 }, (_, i) => `pg-lead-${i}`);
    for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => world.capture(id)));
    await world.settle();
    const loads = await repLoads(world.readModel.db, TENANT, world.clock.now());
    expect(Object.fromEntries([...loads].map(([rep, load]) => [rep, load.openLeads]))).toEqual({
      ana: 28,
      bo: 27,
      cleo: 5,
    });
    expect(await openLeadsOf(world.readModel.db, TENANT, 'cleo')).toBe(5);
  }, 60_000);

  it('keeps attempts due and notifications, and escalates a breach', async () => {
    world.directory.add('ana');
    world.directory.add('bo');
    await world.setPolicy({ responseTargetSeconds: { default: 10 }, escalation: 'reassign' });
    await world.run();
    await world.capture('pg-lead');
    await world.settle();
    const due = await listAttemptsDue(world.readModel.db, TENANT, 'ana', world.clock.now(), {
      limit: 5,
      offset: 0,
      overdueOnly: false,
    });
    expect(due.items).toEqual([expect.objectContaining({ leadId: 'pg-lead', attempts: 0, overdue: false })]);

    await world.advance(10);
    expect(await world.last('pg-lead', 'LeadAssigned')).toMatchObject({ repId: 'bo', assignmentNo: 2 });
    const ana = await listNotifications(world.readModel.db, TENANT, ['ana'], { limit: 5, offset: 0 });
    expect(ana.items.map((n) => n.kind)).toEqual(['response_warning']);
  }, 60_000);

  it('keeps leads that wait for a rep, their digest and the unassigned queue in PostgreSQL', async () => {
    await world.stop();
    world = await RoutingWorld.start({ postgresUrl: url, leadReads: true });
    fullTeam(world);
    await strandedLeadsScenario(world);
  }, 60_000);
});
