/** A day of the week, as ISO numbers it: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One stretch of working time in a day, in the calendar's own zone: `HH:MM` to `HH:MM` (to is later; `24:00` ends the day). */
export interface WorkingPeriod {
  readonly from: string;
  readonly to: string;
}

/**
 * When the clock of a target runs: always (`24x7`), or in working hours — per weekday, in an
 * IANA time zone, minus holidays (local calendar dates, `YYYY-MM-DD`). A weekday missing from
 * `week` (or with no periods) is not worked.
 */
export type BusinessCalendar =
  | { readonly kind: '24x7' }
  | {
      readonly kind: 'business';
      readonly timeZone: string;
      readonly week: Readonly<Partial<Record<Weekday, readonly WorkingPeriod[]>>>;
      readonly holidays: readonly string[];
    };

/** A stretch of wall-clock time during which a clock did not count (a pause); `to` null while it lasts. */
export interface Interval {
  readonly from: Date;
  readonly to: Date | null;
}

export const ALWAYS: BusinessCalendar = { kind: '24x7' };
