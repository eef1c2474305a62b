import type { BusinessCalendar } from './business-calendar.js';

/**
 * The working milliseconds between `from` and `to` on `calendar` (0 when `to` is not after `from`).
 * PLACEHOLDER: only the 24x7 calendar is implemented here; the business calendar lands with the clock module.
 */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (calendar.kind !== '24x7') throw new Error('business calendars are not implemented yet');
  return Math.max(0, to.getTime() - from.getTime());
}

/**
 * The instant that lies `ms` working milliseconds after `from` on `calendar`: the moment the
 * duration is used up (so never outside working time, except `from` itself for 0 ms).
 * PLACEHOLDER: only 24x7 here (see above).
 */
export function addBusinessMs(calendar: BusinessCalendar, from: Date, ms: number): Date {
  if (calendar.kind !== '24x7') throw new Error('business calendars are not implemented yet');
  return new Date(from.getTime() + Math.max(0, ms));
}

/** Whether `at` falls in working time on `calendar` (always true around the clock). */
export function isWorkingInstant(calendar: BusinessCalendar, at: Date): boolean {
  if (calendar.kind !== '24x7') throw new Error('business calendars are not implemented yet');
  void at;
  return true;
}
