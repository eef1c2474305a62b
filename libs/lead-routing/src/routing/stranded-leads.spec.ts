import { RoutingWorld } from './test/routing-world.js';
import { fullTeam, strandedLeadsScenario } from './test/stranded-scenario.js';

/**
 * Leads nobody can take wait, with the reason, on their own stream; managers get one digest
 * per import; the leads are routed once a rep has room (capacity raised, a lead closed).
 */
describe('Lead routing › leads that wait for a rep', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start({ leadReads: true });
    fullTeam(world);
  });
  afterEach(() => world.stop());

  it(
    'defers with the reason once, sends one digest per import, and routes oldest first when a rep has room',
    () => strandedLeadsScenario(world),
    60_000,
  );

  it('names the reason when every rep of the team is away', async () => {
    world.directory.add('ana', { availability: { status: 'away', until: null } });
    world.directory.add('bo', { availability: { status: 'away', until: null } });
    await world.run();
    await world.capture('lead-away', { team: 'emea' });
    await world.settle();
    expect(await world.last('lead-away', 'LeadRoutingDeferred')).toMatchObject({ reason: 'all_unavailable' });
    await world.repEvent('RepAvailabilityChanged', { repId: 'bo', availability: { status: 'active' }, changedAt: 'x' });
    expect(await world.last('lead-away', 'LeadAssigned')).toMatchObject({ repId: 'bo' });
  }, 60_000);
});
