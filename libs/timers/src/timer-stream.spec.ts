import { InMemoryEventStore } from '#ltc/event-store';
import { ManualClock } from '#ltc/clock';
import { metadata } from '../../projections/test/fixtures.js';
import { TIMER_EVENTS_FILTER, timerStream } from './timer-stream.js';
import { TimerService } from './timer.service.js';

const context = { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-1' };
const command = { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } };

describe('Timer streams', () => {
  it('keeps each timer in timer-<timerId>, where the service writes it', async () => {
    const store = new InMemoryEventStore();
    const service = new TimerService(store, new ManualClock('2026-03-02T09:00:00.000Z'));
    await service.schedule({
      timerId: 'firstContact-lead-1',
      dueAt: new Date('2026-03-02T09:05:00Z'),
      command,
      context,
    });
    expect(timerStream('firstContact-lead-1')).toBe('timer-firstContact-lead-1');
    expect((await store.readStream('timer-firstContact-lead-1')).map((event) => event.type)).toEqual([
      'TimerScheduled',
    ]);
  });

  it('gives the due_timers projection every timer event and nothing else', async () => {
    // What due_timers reads through this filter decides what the scheduler may fire: a look-alike
    // event of another context, or a timer stream's event of a newer type, must not reach it.
    const store = new InMemoryEventStore();
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const service = new TimerService(store, clock);
    const dueAt = new Date('2026-03-02T09:05:00Z');
    await service.schedule({ timerId: 'a', dueAt, command, context });
    await service.schedule({ timerId: 'b', dueAt, command, context });
    await store.appendToStream('lead-1', [{ type: 'LeadCaptured', data: {}, metadata: metadata() }]);
    await store.appendToStream('reminder-1', [{ type: 'TimerFired', data: { timerId: 'a' }, metadata: metadata() }]);
    await store.appendToStream('timer-a', [{ type: 'TimerSnoozed', data: { timerId: 'a' }, metadata: metadata() }]);
    await service.cancel('b');
    clock.advance(10 * 60_000);
    const events = await store.readAll({ filter: TIMER_EVENTS_FILTER });
    expect(events.map((event) => [event.stream, event.type])).toEqual([
      ['timer-a', 'TimerScheduled'],
      ['timer-b', 'TimerScheduled'],
      ['timer-b', 'TimerCancelled'],
    ]);
  });
});
