import { ManualClock } from '#ltc/clock';
import { InMemoryEventStore } from '#ltc/event-store';
import { DueTimersProjection } from './due-timers.projection.js';
import { TIMER_EVENTS_FILTER } from './timer-stream.js';
import { TimerService } from './timer.service.js';

const context = { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-1' };
const command = { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } };

/**
 * After each committed batch the projection tells the scheduler the earliest due time it
 * scheduled, so a sleeping scheduler re-arms for a timer due sooner than it planned to look.
 */
describe('due_timers › telling the scheduler after a commit', () => {
  async function timerEvents(write: (service: TimerService) => Promise<unknown>) {
    const store = new InMemoryEventStore();
    await write(new TimerService(store, new ManualClock('2026-03-02T09:00:00.000Z')));
    return store.readAll({ filter: TIMER_EVENTS_FILTER });
  }
  const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);
  /** What the scheduler would be told, call by call. */
  function listen(projection: DueTimersProjection): (Date | undefined)[] {
    const told: (Date | undefined)[] = [];
    projection.onChange((earliest) => told.push(earliest));
    return told;
  }

  it('tells the earliest due time among the timers the batch scheduled', async () => {
    const events = await timerEvents(async (service) => {
      await service.schedule({ timerId: 'b', dueAt: at('09:20'), command, context });
      await service.schedule({ timerId: 'a', dueAt: at('09:10'), command, context });
      await service.cancel('b');
      await service.schedule({ timerId: 'c', dueAt: at('09:30'), command, context });
    });
    const projection = new DueTimersProjection();
    const told = listen(projection);
    projection.afterCommit(events);
    expect(told).toEqual([at('09:10')]);
  });

  it('tells "nothing scheduled" for a batch that only fired or cancelled timers', async () => {
    const [, cancelled] = await timerEvents(async (service) => {
      await service.schedule({ timerId: 'a', dueAt: at('09:10'), command, context });
      await service.cancel('a');
    });
    const projection = new DueTimersProjection();
    const told = listen(projection);
    projection.afterCommit(cancelled ? [cancelled] : []);
    projection.afterCommit([]);
    expect(told).toEqual([undefined, undefined]);
  });

  it('stops telling a listener that unsubscribed, and goes on telling the others', async () => {
    const events = await timerEvents((service) =>
      service.schedule({ timerId: 'a', dueAt: at('09:10'), command, context }),
    );
    const projection = new DueTimersProjection();
    const stopped: (Date | undefined)[] = [];
    const unsubscribe = projection.onChange((earliest) => stopped.push(earliest));
    const running = listen(projection);
    unsubscribe();
    projection.afterCommit(events);
    expect([stopped, running]).toEqual([[], [at('09:10')]]);
  });
});
