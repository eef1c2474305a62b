import { deciderSpec } from '#ltc/testing/decider-spec';
import type { TimerCommand } from './timer.commands.js';
import type { TimerEvent } from './timer.events.js';
import { timerDecider } from './timer.decider.js';

const { given } = deciderSpec(timerDecider);
const now = new Date('2026-03-02T09:05:00Z');
const origin = { tenantId: 'acme', correlationId: 'corr-1', causationId: 'evt-captured' };
const escalate = { type: 'lead.escalateResponse', payload: { leadId: 'lead-1' } };

const schedule: TimerCommand = {
  type: 'ScheduleTimer',
  timerId: 'firstContact-lead-1',
  dueAt: new Date('2026-03-02T09:10:00Z'),
  command: escalate,
  context: origin,
};
const scheduled: TimerEvent = {
  type: 'TimerScheduled',
  data: { timerId: 'firstContact-lead-1', dueAt: '2026-03-02T09:10:00.000Z', command: escalate, context: origin },
};
const fired: TimerEvent = {
  type: 'TimerFired',
  data: { timerId: 'firstContact-lead-1', firedAt: '2026-03-02T09:10:00.000Z' },
};
const cancelled: TimerEvent = {
  type: 'TimerCancelled',
  data: { timerId: 'firstContact-lead-1', cancelledAt: '2026-03-02T09:07:00.000Z' },
};
const fire: TimerCommand = { type: 'FireTimer', timerId: 'firstContact-lead-1', now };
const cancel: TimerCommand = { type: 'CancelTimer', timerId: 'firstContact-lead-1', now };
/** Histories in which the timer is not waiting: never scheduled, fired, cancelled. */
const notPending: TimerEvent[][] = [[], [scheduled, fired], [scheduled, cancelled]];

describe('Timer › schedule', () => {
  it('given no timer, when scheduled, then TimerScheduled with the due time in ISO and only the command’s type and payload', () => {
    given([])
      .when({ ...schedule, command: { ...escalate, extra: 'not stored' } as typeof escalate })
      .thenEmits([scheduled]);
  });

  it('given a timer by that id, pending or closed, when scheduled again, then nothing (a re-run schedules once)', () => {
    const later = { ...schedule, dueAt: new Date('2026-03-02T10:00:00Z') };
    for (const history of [[scheduled], [scheduled, fired], [scheduled, cancelled]]) {
      given(history).when(later).thenNothing();
    }
  });

  it('given no timer, when the due time is not a date, then refused with a RangeError naming the timer', () => {
    given([])
      .when({ ...schedule, dueAt: new Date('not a date') })
      .thenFails(RangeError, { message: 'Timer firstContact-lead-1: invalid dueAt' });
  });
});

describe('Timer › fire', () => {
  it('given a pending timer, when fired, then TimerFired at the scheduler’s time', () => {
    given([scheduled])
      .when(fire)
      .thenEmits([
        { type: 'TimerFired', data: { timerId: 'firstContact-lead-1', firedAt: '2026-03-02T09:05:00.000Z' } },
      ]);
  });

  it('given a pending timer, when fired after giving up, then TimerFired carrying the failure', () => {
    const data = given([scheduled])
      .when({ ...fire, failure: 'Gave up after 10 attempts: down' })
      .thenEmitsOne('TimerFired');
    expect(data).toEqual({
      timerId: 'firstContact-lead-1',
      firedAt: '2026-03-02T09:05:00.000Z',
      failure: 'Gave up after 10 attempts: down',
    });
  });

  it('given no timer, a fired one or a cancelled one, when fired, then nothing (its command is not sent twice)', () => {
    for (const history of notPending) given(history).when(fire).thenNothing();
  });
});

describe('Timer › cancel', () => {
  it('given a pending timer, when cancelled, then TimerCancelled', () => {
    given([scheduled])
      .when(cancel)
      .thenEmits([
        { type: 'TimerCancelled', data: { timerId: 'firstContact-lead-1', cancelledAt: '2026-03-02T09:05:00.000Z' } },
      ]);
  });

  it('given no timer, a fired one or a cancelled one, when cancelled, then nothing', () => {
    for (const history of notPending) given(history).when(cancel).thenNothing();
  });
});

describe('Timer › state', () => {
  it('keeps what was scheduled through its life, so a cancel acts for the same tenant and origin', () => {
    expect(given([]).state).toEqual({ status: 'none' });
    expect(given([scheduled]).state).toEqual({ status: 'scheduled', scheduled: scheduled.data });
    expect(given([scheduled, fired]).state).toEqual({ status: 'fired', scheduled: scheduled.data });
    expect(given([scheduled, cancelled]).state).toEqual({ status: 'cancelled', scheduled: scheduled.data });
  });

  it('the first close wins and the first schedule stays', () => {
    const again: TimerEvent = {
      type: 'TimerScheduled',
      data: { ...scheduled.data, dueAt: '2026-03-03T00:00:00.000Z' },
    };
    expect(given([scheduled, fired, cancelled]).state).toEqual({ status: 'fired', scheduled: scheduled.data });
    expect(given([scheduled, cancelled, fired]).state).toEqual({ status: 'cancelled', scheduled: scheduled.data });
    expect(given([scheduled, again]).state).toEqual({ status: 'scheduled', scheduled: scheduled.data });
    expect(given([fired]).state).toEqual({ status: 'none' });
  });
});
