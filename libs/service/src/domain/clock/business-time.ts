import { DateTime } from 'luxon';
import type { BusinessCalendar, Interval, Weekday, WorkingPeriod } from './business-calendar.js';

/** A calendar is searched this many days ahead for working time before it is called empty. */
const MAX_IDLE_DAYS = 800;

type WorkingCalendar = Extract<BusinessCalendar, { kind: 'business' }>;

/** `HH:MM` as minutes after midnight (`24:00` is 1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The local day of `at` in the calendar's zone, at its midnight. */
const localDay = (calendar: WorkingCalendar, at: Date): DateTime =>
  DateTime.fromJSDate(at, { zone: calendar.timeZone }).startOf('day');

/**
 * The next local day, at its midnight. Not just a day later: Luxon keeps the wall time, and a day
 * whose midnight a switch skips starts at 01:00, so every day after it would lose its first hour.
 */
const nextDay = (day: DateTime): DateTime => day.plus({ days: 1 }).startOf('day');

/** The zone's UTC offset at an instant, in milliseconds (local wall time = instant + offset). */
const offsetAt = (timeZone: string, at: number): number => DateTime.fromMillis(at, { zone: timeZone }).offset * 60_000;

/**
 * A local day's instants `[start, end)` cut where the zone's UTC offset changes, each piece with
 * its offset. A zone switches at most once a day, so a day is one piece or two; the switch is found
 * by bisection to the millisecond, and only on the days the offset differs at both ends.
 */
function piecesOfConstantOffset(timeZone: string, start: number, end: number): [number, number, number][] {
  const first = offsetAt(timeZone, start);
  const last = offsetAt(timeZone, end - 1);
  if (first === last) return [[start, end, first]];
  let before = start;
  let after = end - 1;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(timeZone, middle) === first) before = middle;
    else after = middle;
  }
  return [
    [start, after, first],
    [after, end, last],
  ];
}

/**
 * The working stretches of one local day as instants, in order (none on a holiday or a day off):
 * the instants whose wall time in the calendar's zone lies in one of the day's periods. Mapped
 * through the day's pieces of constant offset rather than wall time by wall time, because Luxon
 * moves a wall time that a spring-forward switch skips forward by the gap (02:30 → 03:30), which
 * would work time no wall clock shows. So a period inside the gap is empty, one across it is
 * shorter by the skipped time, and a period in or across the repeated hour of a fall-back switch
 * is worked each time the wall clock shows it (possibly as two stretches).
 */
function workingStretches(calendar: WorkingCalendar, day: DateTime): [number, number][] {
  if (calendar.holidays.includes(day.toISODate() ?? '')) return [];
  const periods: readonly WorkingPeriod[] = calendar.week[day.weekday as Weekday] ?? [];
  if (periods.length === 0) return [];
  const wallMidnight = Date.UTC(day.year, day.month - 1, day.day);
  const pieces = piecesOfConstantOffset(calendar.timeZone, day.toMillis(), nextDay(day).toMillis());
  const stretches: [number, number][] = [];
  for (const period of periods) {
    const wallFrom = wallMidnight + minutesOf(period.from) * 60_000;
    const wallTo = wallMidnight + minutesOf(period.to) * 60_000;
    for (const [start, end, offset] of pieces) {
      const from = Math.max(start, wallFrom - offset);
      const to = Math.min(end, wallTo - offset);
      if (to > from) stretches.push([from, to]);
    }
  }
  return stretches.sort((a, b) => a[0] - b[0]);
}

/**
 * The working milliseconds between `from` and `to` on `calendar` (0 when `to` is not after `from`).
 * Walks the calendar's local days, so days of 23 or 25 hours and holidays need no special case.
 */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (calendar.kind === '24x7') return end - start;
  let total = 0;
  for (let day = localDay(calendar, from); day.toMillis() < end; day = nextDay(day)) {
    for (const [s, e] of workingStretches(calendar, day)) {
      total += Math.max(0, Math.min(e, end) - Math.max(s, start));
    }
  }
  return total;
}

/**
 * The earliest instant that lies `ms` working milliseconds after `from` on `calendar`: the moment
 * the duration is used up, so for `ms` > 0 it is inside working time or at the end of a working
 * period, and `businessMsBetween(from, result)` is `ms`. `from` itself for 0 (or less).
 * Throws for a calendar without working time (a validated calendar always has some).
 */
export function addBusinessMs(calendar: BusinessCalendar, from: Date, ms: number): Date {
  const start = from.getTime();
  if (ms <= 0) return new Date(start);
  if (calendar.kind === '24x7') return new Date(start + ms);
  let remaining = ms;
  let idleDays = 0;
  for (let day = localDay(calendar, from); idleDays <= MAX_IDLE_DAYS; day = nextDay(day)) {
    let worked = false;
    for (const [s, e] of workingStretches(calendar, day)) {
      const begin = Math.max(s, start);
      if (e <= begin) continue;
      worked = true;
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
    idleDays = worked ? 0 : idleDays + 1;
  }
  throw new Error(`The calendar has no working time in ${MAX_IDLE_DAYS} days`);
}

/** Whether `at` falls in working time on `calendar` (always, around the clock). */
export function isWorkingInstant(calendar: BusinessCalendar, at: Date): boolean {
  if (calendar.kind === '24x7') return true;
  const t = at.getTime();
  return workingStretches(calendar, localDay(calendar, at)).some(([s, e]) => s <= t && t < e);
}

/** Pauses sorted and merged, open ones running to `until`. */
function mergedPauses(pauses: readonly Interval[], until: number): [number, number][] {
  const sorted = pauses
    .map((p): [number, number] => [p.from.getTime(), p.to === null ? until : p.to.getTime()])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The working milliseconds between `from` and `to` that fall in no pause (an open pause runs to `to`). */
export function businessMsBetweenExcluding(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: readonly Interval[],
): number {
  const paused = mergedPauses(pauses, to.getTime()).reduce((sum, [s, e]) => {
    const begin = Math.max(s, from.getTime());
    const end = Math.min(e, to.getTime());
    return end > begin ? sum + businessMsBetween(calendar, new Date(begin), new Date(end)) : sum;
  }, 0);
  return businessMsBetween(calendar, from, to) - paused;
}

/**
 * The earliest instant `ms` working milliseconds after `from` that fall in no pause. Throws when an
 * open pause (no end) starts before the duration is used up: the instant is not known yet.
 */
export function addBusinessMsExcluding(
  calendar: BusinessCalendar,
  from: Date,
  ms: number,
  pauses: readonly Interval[],
): Date {
  let cursor = from.getTime();
  let remaining = ms;
  for (const [s, e] of mergedPauses(pauses, Number.POSITIVE_INFINITY)) {
    if (e <= cursor) continue;
    const available = s > cursor ? businessMsBetween(calendar, new Date(cursor), new Date(s)) : 0;
    if (remaining <= available) return addBusinessMs(calendar, new Date(cursor), remaining);
    remaining -= available;
    if (!Number.isFinite(e)) throw new Error('The duration runs into a pause that has not ended');
    cursor = Math.max(cursor, e);
  }
  return addBusinessMs(calendar, new Date(cursor), remaining);
}
