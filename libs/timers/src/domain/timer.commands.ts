import type { CommandToSend, TimerOrigin } from './timer.events.js';

/** Puts a command in the diary for `dueAt`; a timer id already used is left as it is. */
export interface ScheduleTimer {
  readonly type: 'ScheduleTimer';
  readonly timerId: string;
  readonly dueAt: Date;
  readonly command: CommandToSend;
  readonly context: TimerOrigin;
}

/** Records that the timer's command was sent (or given up on, with the reason in `failure`). */
export interface FireTimer {
  readonly type: 'FireTimer';
  readonly timerId: string;
  readonly now: Date;
  readonly failure?: string;
}

/** Calls the timer off, if it is still pending. */
export interface CancelTimer {
  readonly type: 'CancelTimer';
  readonly timerId: string;
  readonly now: Date;
}

export type TimerCommand = ScheduleTimer | FireTimer | CancelTimer;
