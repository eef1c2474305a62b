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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problems of one weekday's periods; the shape is not trusted, as a calendar may come straight from a request. */
function periodProblems(field: string, periods: unknown): CalendarProblem[] {
  if (!Array.isArray(periods)) {
    return [{ field, rule: 'periods', message: 'a weekday has a list of periods { from, to }' }];
  }
  const problems: CalendarProblem[] = [];
  const wellFormed: WorkingPeriod[] = [];
  periods.forEach((period: unknown, i) => {
    if (!isObject(period)) {
      problems.push({ field: `${field}[${i}]`, rule: 'period', message: 'a period is { from, to }' });
      return;
    }
    for (const end of ['from', 'to'] as const) {
      const time = period[end];
      if (typeof time !== 'string' || !TIME.test(time)) {
        problems.push({ field: `${field}[${i}].${end}`, rule: 'time', message: `${end} must be HH:MM (00:00–24:00)` });
      }
    }
    const { from, to } = period;
    if (typeof from !== 'string' || typeof to !== 'string' || !TIME.test(from) || !TIME.test(to)) return;
    if (minutesOf(from) >= minutesOf(to)) {
      problems.push({ field: `${field}[${i}]`, rule: 'order', message: 'from must be before to' });
    } else {
      wellFormed.push({ from, to });
    }
  });
  // Sorted by start, a period overlaps an earlier one exactly when it overlaps the one just before it.
  const sorted = wellFormed.sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  const overlaps = sorted.some(
    (period, i) => i > 0 && minutesOf(period.from) < minutesOf(sorted[i - 1]?.to ?? '00:00'),
  );
  if (overlaps) problems.push({ field, rule: 'overlap', message: 'the periods of a day must not overlap' });
  return problems;
}

/**
 * What is wrong with a calendar, if anything: an unknown kind or IANA zone, a malformed or reversed
 * period, overlapping periods, a holiday that is not a date, or no working time in the week at all.
 * The shape is not trusted (the shell may hand over a request body as it came), so a wrong type is
 * a problem named by its field, never an exception.
 */
export function calendarProblems(calendar: BusinessCalendar): CalendarProblem[] {
  const raw: unknown = calendar;
  if (!isObject(raw) || (raw.kind !== '24x7' && raw.kind !== 'business')) {
    return [{ field: 'kind', rule: 'kind', message: "kind must be '24x7' or 'business'" }];
  }
  if (raw.kind === '24x7') return [];
  const problems: CalendarProblem[] = [];
  if (typeof raw.timeZone !== 'string' || !IANAZone.isValidZone(raw.timeZone)) {
    problems.push({ field: 'timeZone', rule: 'timeZone', message: 'timeZone must be an IANA time zone' });
  }
  const week = raw.week ?? {};
  if (!isObject(week)) {
    problems.push({ field: 'week', rule: 'week', message: 'week maps ISO weekdays 1 (Mon)–7 (Sun) to periods' });
  } else {
    for (const [key, periods] of Object.entries(week)) {
      if (!WEEKDAYS.includes(key)) {
        problems.push({
          field: `week.${key}`,
          rule: 'weekday',
          message: 'week is keyed by ISO weekday 1 (Mon)–7 (Sun)',
        });
      } else {
        problems.push(...periodProblems(`week.${key}`, periods ?? []));
      }
    }
    const working = Object.entries(week).some(
      ([key, periods]) => WEEKDAYS.includes(key) && Array.isArray(periods) && periods.length > 0,
    );
    if (!working) {
      problems.push({ field: 'week', rule: 'workingTime', message: 'a business calendar needs some working time' });
    }
  }
  const holidays = raw.holidays ?? [];
  if (!Array.isArray(holidays)) {
    problems.push({ field: 'holidays', rule: 'holidays', message: 'holidays is a list of dates, YYYY-MM-DD' });
    return problems;
  }
  holidays.forEach((holiday: unknown, i) => {
    if (typeof holiday !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(holiday) || !DateTime.fromISO(holiday).isValid) {
      problems.push({ field: `holidays[${i}]`, rule: 'date', message: 'a holiday is a date, YYYY-MM-DD' });
    }
  });
  return problems;
}
