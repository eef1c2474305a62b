import { ManualClock } from '#ltc/clock';
import { ServiceWorld } from './support/service-world.js';
import { tempDataDir } from './support/test-app.js';

/**
 * The durable SLA timers across a restart: the engine is down when a ticket's response clock
 * warns and breaches; started again, it raises each once, stamped with the instant it was due
 * (not the moment it came back), and a further restart raises nothing more.
 */
describe('SLA timers › across a restart', () => {
  it('raises the warning and the breach that fell due while the engine was down, once each, as of their due instants', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const dataDir = tempDataDir();
    let w = await ServiceWorld.start(clock, { dataDir });
    await w.policy();
    const ticketId = await w.ticket({ priority: 'P1' });
    const planned = await w.plan(ticketId, 'response');
    await w.armed(ticketId, 'response', ['warn', 'breach']);
    await w.sales.app.close();

    // Down for an hour: both instants pass meanwhile.
    clock.advance(60 * 60_000);
    w = await ServiceWorld.start(clock, { dataDir });
    const breached = await w.waitFor(ticketId, 'TicketSlaBreached');
    expect(breached).toMatchObject({ clock: 'response', plan: planned['plan'], dueAt: planned['breachAt'] });
    expect(breached['at']).toBe(clock.now().toISOString());
    expect(await w.all(ticketId, 'TicketSlaWarned')).toEqual([
      expect.objectContaining({ clock: 'response', dueAt: planned['warnAt'] }),
    ]);
    await w.sales.app.close();

    w = await ServiceWorld.start(clock, { dataDir });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await w.all(ticketId, 'TicketSlaBreached')).length).toBe(1);
    expect((await w.all(ticketId, 'TicketSlaWarned')).length).toBe(1);
    await w.sales.app.destroy();
  }, 60_000);
});
