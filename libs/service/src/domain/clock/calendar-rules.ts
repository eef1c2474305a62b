import { DateTime, IANAZone } from 'luxon';
import type { BusinessCalendar, WorkingPeriod } from './business-calendar.js';
import { minutesOf } from './business-time.js';

/** One thing wrong with a calendar, named by its field and rule (the shell answers 400 with it). */
export interface CalendarProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

function periodProblems(field: string, periods: readonly WorkingPeriod[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  periods.forEach((period, i) => {
    for (const end of ['from', 'to'] as const) {
      if (typeof period[end] !== 'string' || !TIME.test(period[end])) {
        problems.push({ field: `${field}[${i}].${end}`, rule: 'time', message: `${end} must be HH:MM (00:00–24:00)` });
      }
    }
    if (TIME.test(period.from) && TIME.test(period.to) && minutesOf(period.from) >= minutesOf(period.to)) {
      problems.push({ field: `${field}[${i}]`, rule: 'order', message: 'from must be before to' });
    }
  });
  const sorted = [...periods].filter((p) => TIME.test(p.from) && TIME.test(p.to));
  sorted.sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  const overlaps = sorted.some(
    (period, i) => i > 0 && minutesOf(period.from) < minutesOf(sorted[i - 1]?.to ?? '00:00'),
  );
  if (overlaps) problems.push({ field, rule: 'overlap', message: 'the periods of a day must not overlap' });
  return problems;
}

/**
 * What is wrong with a calendar, if anything: an unknown IANA zone, a malformed or reversed period,
 * overlapping periods, a holiday that is not a date, or no working time in the week at all.
 */
export function calendarProblems(calendar: BusinessCalendar): CalendarProblem[] {
  if (calendar.kind === '24x7') return [];
  const problems: CalendarProblem[] = [];
  if (typeof calendar.timeZone !== 'string' || !IANAZone.isValidZone(calendar.timeZone)) {
    problems.push({ field: 'timeZone', rule: 'timeZone', message: 'timeZone must be an IANA time zone' });
  }
  const week = calendar.week ?? {};
  for (const key of Object.keys(week)) {
    if (!WEEKDAYS.includes(key)) {
      problems.push({ field: `week.${key}`, rule: 'weekday', message: 'week is keyed by ISO weekday 1 (Mon)–7 (Sun)' });
    }
  }
  for (const [key, periods] of Object.entries(week)) {
    if (WEEKDAYS.includes(key)) problems.push(...periodProblems(`week.${key}`, periods ?? []));
  }
  if (Object.values(week).every((periods) => (periods ?? []).length === 0)) {
    problems.push({ field: 'week', rule: 'workingTime', message: 'a business calendar needs some working time' });
  }
  (calendar.holidays ?? []).forEach((holiday, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday) || !DateTime.fromISO(holiday).isValid) {
      problems.push({ field: `holidays[${i}]`, rule: 'date', message: 'a holiday is a date, YYYY-MM-DD' });
    }
  });
  return problems;
}
