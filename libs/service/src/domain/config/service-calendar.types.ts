import type { BusinessCalendar, Weekday, WorkingPeriod } from '../clock/business-calendar.js';

/** A business calendar as a service manager writes it: working hours per ISO weekday in an IANA zone, and holidays. */
export interface ServiceCalendarDefinition {
  readonly name: string;
  readonly timeZone: string;
  /** A weekday left out (or with no periods) is not worked. */
  readonly week: Readonly<Partial<Record<Weekday, readonly WorkingPeriod[]>>>;
  /** Local dates, `YYYY-MM-DD`, not worked. */
  readonly holidays: readonly string[];
}

export interface ServiceCalendarConfig extends ServiceCalendarDefinition {
  readonly calendarId: string;
  readonly version: number;
}

/** The calendar as the business-time module reads it. */
export const businessCalendarOf = (definition: ServiceCalendarDefinition): BusinessCalendar => ({
  kind: 'business',
  timeZone: definition.timeZone,
  week: definition.week,
  holidays: definition.holidays,
});
