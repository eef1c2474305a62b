import type { TimerScheduledData } from './timer.events.js';

/** Before the first event: no timer by that id. */
export interface NoTimer {
  readonly status: 'none';
}

/**
 * A timer that was scheduled, and whether it is still waiting or was closed by firing or
 * cancelling. It keeps what was scheduled: a cancel acts for the same tenant and origin.
 */
export interface KnownTimer {
  readonly status: 'scheduled' | 'fired' | 'cancelled';
  readonly scheduled: TimerScheduledData;
}

export type TimerState = NoTimer | KnownTimer;

export const initialTimerState = (): TimerState => ({ status: 'none' });

/** Waiting for its time: the only state in which a timer fires or is cancelled. */
export function isPending(state: TimerState): state is KnownTimer & { readonly status: 'scheduled' } {
  return state.status === 'scheduled';
}
