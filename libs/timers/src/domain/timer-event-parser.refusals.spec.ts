import { parseCommand, parseTimerEvent, parseTimerScheduled, timerIdOf } from './timer-event-parser.js';

/**
 * A TimerScheduled carries a command and a context that whichever process manager scheduled it
 * put there; the scheduler sends that command minutes or days later. Each malformed shape is
 * refused on reading, with a message that says what is missing, so that an operator sees why a
 * timer stream cannot be folded instead of a command going out with holes in it.
 */
const scheduled = {
  timerId: 'firstContact-lead-1',
  dueAt: '2026-03-02T09:10:00.000Z',
  command: { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } },
  context: { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-1' },
};

const NOT_OBJECTS: readonly [string, unknown][] = [
  ['null', null],
  ['an array', [scheduled]],
  ['a string', JSON.stringify(scheduled)],
  ['missing', undefined],
];

describe('Timer events as stored › malformed ones refused', () => {
  it.each(NOT_OBJECTS)('refuses TimerScheduled data that is %s', (_what, data) => {
    expect(() => parseTimerEvent({ type: 'TimerScheduled', data })).toThrow(
      new Error('TimerScheduled data is not an object'),
    );
  });

  it.each([
    ['no timerId', { timerId: undefined }],
    ['a numeric timerId', { timerId: 42 }],
    ['no dueAt', { dueAt: undefined }],
    // Date.parse(123) reads "123" as a year: only the type check refuses a number.
    ['a numeric dueAt', { dueAt: 123 }],
    ['a dueAt that is no date', { dueAt: 'in five minutes' }],
  ])('refuses a TimerScheduled with %s', (_what, change) => {
    expect(() => parseTimerScheduled({ ...scheduled, ...change })).toThrow(
      new Error('TimerScheduled needs a timerId and an ISO dueAt'),
    );
  });

  it.each([
    ['no command', undefined],
    ['a command that is an array', [scheduled.command]],
    ['a command without a type', { payload: {} }],
    ['a command whose type is not a string', { type: 7, payload: {} }],
    ['a command without a payload', { type: 'lead.escalateResponse' }],
    ['a command whose payload is null', { type: 'lead.escalateResponse', payload: null }],
    ['a command whose payload is an array', { type: 'lead.escalateResponse', payload: ['lead-1'] }],
  ])('refuses a TimerScheduled with %s', (_what, command) => {
    expect(() => parseTimerScheduled({ ...scheduled, command })).toThrow(
      new Error('A timer command needs a string type and an object payload'),
    );
  });

  it.each([
    ['no context', undefined],
    ['a context that is null', null],
    ['a context that is an array', ['acme', 'corr-1', 'evt-1']],
    ['no tenantId', { correlationId: 'corr-1', causationId: 'evt-1' }],
    ['no correlationId', { tenantId: 'acme', causationId: 'evt-1' }],
    ['no causationId', { tenantId: 'acme', correlationId: 'corr-1' }],
    ['a numeric tenantId', { tenantId: 1, correlationId: 'corr-1', causationId: 'evt-1' }],
  ])('refuses a TimerScheduled with %s (no tenant to act for, or no origin to trace)', (_what, context) => {
    expect(() => parseTimerScheduled({ ...scheduled, context })).toThrow(
      new Error('A timer context needs tenantId, correlationId and causationId'),
    );
  });

  it('reads the command of a due_timers row as the type and payload only', () => {
    // The scheduler re-reads the command from the row's JSON: what it sends is exactly this.
    const stored = { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' }, priority: 'high' };
    expect(parseCommand(stored)).toEqual({ type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } });
    expect(() => parseCommand(null)).toThrow(new Error('A timer command needs a string type and an object payload'));
  });

  it('finds the timer id of any timer event, and refuses an event without one', () => {
    expect(timerIdOf({ timerId: 't-1', firedAt: scheduled.dueAt })).toBe('t-1');
    for (const data of [null, ['t-1'], 't-1', {}, { timerId: 1 }]) {
      expect(() => timerIdOf(data)).toThrow(new Error('Timer event without a timerId'));
    }
  });

  it('knows the three timer event types by name and no look-alike', () => {
    const fired = { timerId: 't-1', firedAt: scheduled.dueAt };
    expect(parseTimerEvent({ type: 'TimerScheduled', data: scheduled })?.type).toBe('TimerScheduled');
    expect(parseTimerEvent({ type: 'TimerFired', data: fired })?.type).toBe('TimerFired');
    expect(parseTimerEvent({ type: 'TimerCancelled', data: { timerId: 't-1', cancelledAt: 'x' } })?.type).toBe(
      'TimerCancelled',
    );
    for (const type of ['timerScheduled', 'TimerRescheduled', 'Timer', '']) {
      expect(parseTimerEvent({ type, data: scheduled })).toBeUndefined();
    }
  });
});
