/**
 * The source of "now" for everything that decides or schedules. Domain code receives
 * time from here (never `new Date()`), so decisions replay identically and tests can
 * move time forward.
 */
export interface Clock {
  now(): Date;
  /**
   * Resolves after `ms` of this clock's time, or earlier when `signal` aborts.
   * A manual clock resolves when it is advanced past the deadline.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const CLOCK = Symbol('Clock');
