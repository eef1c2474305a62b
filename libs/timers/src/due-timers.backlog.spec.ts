import { ManualClock } from '#ltc/clock';
import { InMemoryEventStore } from '#ltc/event-store';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { DueTimersProjection, timersDueBy } from './due-timers.projection.js';
import { TIMER_EVENTS_FILTER } from './timer-stream.js';
import { TimerService } from './timer.service.js';

const context = { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-1' };
const command = { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } };
const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);

/** The scheduler's backlog as `GET /metrics` reports it (`ltc_timers_due`). */
describe('due_timers › the backlog', () => {
  let handle: ReadModelHandle;
  beforeEach(async () => {
    handle = await openReadModelDb({ sqliteFilename: ':memory:' });
  });
  afterEach(async () => handle.close());

  it('counts the timers due at or before the instant, not the later ones nor a cancelled one', async () => {
    const store = new InMemoryEventStore();
    const timers = new TimerService(store, new ManualClock('2026-03-02T09:00:00.000Z'));
    for (const [timerId, time] of [
      ['a', '09:05'],
      ['b', '09:10'],
      ['c', '09:10'],
      ['d', '09:30'],
      ['e', '09:06'],
    ] as const) {
      await timers.schedule({ timerId, dueAt: at(time), command, context });
    }
    await timers.cancel('e', context);
    const projection = new DueTimersProjection();
    await projection.setup(handle.db);
    const events = await store.readAll({ filter: TIMER_EVENTS_FILTER });
    await handle.db.transaction().execute((trx) => projection.applyBatch(trx, events));

    expect(
      await Promise.all(
        ['09:04', '09:05', '09:09', '09:10', '09:29', '09:30'].map((t) => timersDueBy(handle.db, at(t))),
      ),
    ).toEqual([0, 1, 1, 3, 3, 4]);
  });
});
