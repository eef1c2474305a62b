import { RoutingWorld } from './test/routing-world.js';

/** Deactivating a rep must not strand their open leads: routing redistributes them, saying why. */
describe('Lead routing › owner deactivated', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
    for (const id of ['ana', 'bo', 'cleo']) world.directory.add(id);
  });
  afterEach(() => world.stop());

  it("redistributes each open lead of a deactivated rep by the team's policy, once, with reason owner_deactivated", async () => {
    await world.run();
    for (const id of ['lead-1', 'lead-2', 'lead-3', 'lead-4']) await world.capture(id);
    await world.settle();
    const owners = async () =>
      Promise.all(
        ['lead-1', 'lead-2', 'lead-3', 'lead-4'].map(
          async (id) => (await world.last<{ repId: string }>(id, 'LeadAssigned'))?.repId,
        ),
      );
    expect(await owners()).toEqual(['ana', 'bo', 'cleo', 'ana']);

    world.directory.add('ana', { active: false });
    await world.repEvent('RepDeactivated', {
      repId: 'ana',
      reason: 'Left the company',
      deactivatedAt: world.clock.now().toISOString(),
    });

    expect(await owners()).toEqual(['bo', 'bo', 'cleo', 'cleo']);
    for (const id of ['lead-1', 'lead-4']) {
      const moved = await world.last<{
        previousRepId: string;
        reason: string;
        candidates: { repId: string; reason: string }[];
      }>(id, 'LeadAssigned');
      expect(moved?.previousRepId).toBe('ana');
      expect(moved?.reason).toContain('owner_deactivated');
      expect(moved?.candidates.find((c) => c.repId === 'ana')?.reason).toContain('deactivated');
      expect((await world.types(id)).filter((t) => t === 'LeadAssigned')).toHaveLength(2);
    }
  }, 60_000);
});
