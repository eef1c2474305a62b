import { RoutingWorld } from './test/routing-world.js';

/** The response clock follows the tier, though routing decides before the lead is scored (issue: tier targets unused). */
describe('Lead routing › response target follows the tier', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
    world.directory.add('ana');
  });
  afterEach(() => world.stop());

  const scoreTierA = (leadId: string) =>
    world.leadCommand({
      type: 'ScoreLead',
      leadId,
      score: 70,
      tier: 'A',
      attemptTarget: 6,
      responseTargetSeconds: 300,
      modelVersion: 1,
      breakdown: [],
      now: world.clock.now(),
    });

  it("re-targets the clock to the tier's target when the score arrives after the assignment, and breaches then", async () => {
    await world.setPolicy({ responseTargetSeconds: { default: 3600, byTier: { A: 120 } }, warningPercent: 50 });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    expect(await world.last('lead-1', 'LeadAssigned')).toMatchObject({ responseDueAt: '2026-03-02T10:00:00.000Z' });

    await scoreTierA('lead-1');
    await world.settle();
    expect(await world.last('lead-1', 'LeadResponseRetargeted')).toMatchObject({
      repId: 'ana',
      assignmentNo: 1,
      previousDueAt: '2026-03-02T10:00:00.000Z',
      responseDueAt: '2026-03-02T09:02:00.000Z',
    });

    await world.advance(60);
    expect((await world.types('lead-1')).slice(-1)).toEqual(['LeadResponseWarning']);
    await world.advance(60);
    expect(await world.last('lead-1', 'LeadResponseSlaBreached')).toMatchObject({
      dueAt: '2026-03-02T09:02:00.000Z',
    });
    // The cancelled one-hour timers never fire.
    await world.advance(3600);
    const clockEvents = (await world.types('lead-1')).filter((t) => t.startsWith('LeadResponse'));
    expect(clockEvents).toEqual(['LeadResponseRetargeted', 'LeadResponseWarning', 'LeadResponseSlaBreached']);
  }, 60_000);

  it("uses the scoring model's tier target when the policy has none for the tier, never loosening the policy's", async () => {
    await world.setPolicy({ responseTargetSeconds: { default: 3600 } });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    await scoreTierA('lead-1');
    await world.settle();
    expect(await world.last('lead-1', 'LeadResponseRetargeted')).toMatchObject({
      responseDueAt: '2026-03-02T09:05:00.000Z',
    });
  }, 60_000);
});
