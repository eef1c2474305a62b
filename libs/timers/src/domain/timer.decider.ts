import type { Decider } from '#ltc/kernel';
import type { TimerCommand } from './timer.commands.js';
import type { TimerEvent } from './timer.events.js';
import { initialTimerState, isPending, type TimerState } from './timer.state.js';

/**
 * Every repeat is a no-op rather than a refusal, because the callers are retried
 * machinery: a process manager re-run after a crash schedules the same timer id again,
 * a cancel arrives after the timer fired, a second scheduler fires a timer the first closed.
 */
export function decideTimer(command: TimerCommand, state: TimerState): TimerEvent[] {
  switch (command.type) {
    case 'ScheduleTimer': {
      if (Number.isNaN(command.dueAt.getTime())) throw new RangeError(`Timer ${command.timerId}: invalid dueAt`);
      if (state.status !== 'none') return [];
      const { timerId, dueAt, command: toSend, context } = command;
      return [
        {
          type: 'TimerScheduled',
          data: {
            timerId,
            dueAt: dueAt.toISOString(),
            command: { type: toSend.type, payload: toSend.payload },
            context,
          },
        },
      ];
    }
    case 'FireTimer': {
      if (!isPending(state)) return [];
      const { timerId, now, failure } = command;
      return [{ type: 'TimerFired', data: { timerId, firedAt: now.toISOString(), ...(failure ? { failure } : {}) } }];
    }
    case 'CancelTimer':
      if (!isPending(state)) return [];
      return [{ type: 'TimerCancelled', data: { timerId: command.timerId, cancelledAt: command.now.toISOString() } }];
  }
}

/**
 * The first TimerScheduled opens the timer; the first TimerFired or TimerCancelled closes it for good.
 * No default case: the parser gives only the three timer events, and the compiler checks all are here.
 */
export function evolveTimer(state: TimerState, event: TimerEvent): TimerState {
  switch (event.type) {
    case 'TimerScheduled':
      return state.status === 'none' ? { status: 'scheduled', scheduled: event.data } : state;
    case 'TimerFired':
      return isPending(state) ? { ...state, status: 'fired' } : state;
    case 'TimerCancelled':
      return isPending(state) ? { ...state, status: 'cancelled' } : state;
  }
}

export const timerDecider: Decider<TimerCommand, TimerEvent, TimerState> = {
  initialState: initialTimerState,
  decide: decideTimer,
  evolve: evolveTimer,
};
