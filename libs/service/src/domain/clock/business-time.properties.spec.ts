import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ALWAYS, type BusinessCalendar, type Interval, type Weekday, type WorkingPeriod } from './business-calendar.js';
import {
  addBusinessMs,
  addBusinessMsExcluding,
  businessMsBetween,
  businessMsBetweenExcluding,
  isWorkingInstant,
  minutesOf,
} from './business-time.js';
import { calendarProblems } from './calendar-rules.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NUM_RUNS = 400;

/** America/Santiago switches at midnight: a day that starts at 01:00, or repeats its last hour. */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Shanghai',
  'Australia/Sydney',
  'America/Santiago',
  'UTC',
] as const;

/** The DST switches of the zones above in 2026–2027, so random instants often land near one in its zone. */
const SWITCHES: readonly { zone: (typeof ZONES)[number]; at: number }[] = [
  ...['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'].map((at) => ({
    zone: 'Europe/Berlin' as const,
    at: Date.parse(at),
  })),
  ...['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2027-03-14T07:00:00Z', '2027-11-07T06:00:00Z'].map((at) => ({
    zone: 'America/New_York' as const,
    at: Date.parse(at),
  })),
  ...['2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z', '2027-04-03T16:00:00Z', '2027-10-02T16:00:00Z'].map((at) => ({
    zone: 'Australia/Sydney' as const,
    at: Date.parse(at),
  })),
  ...['2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z', '2027-04-04T03:00:00Z', '2027-09-05T04:00:00Z'].map((at) => ({
    zone: 'America/Santiago' as const,
    at: Date.parse(at),
  })),
];

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Up to three non-overlapping periods of a day on a 5-minute grid: anywhere in 00:00–24:00, or with
 * boundaries in the night hours 00:00–05:00 and 23:00–24:00 where the switches are (a gap or a repeated hour inside,
 * across or at the edge of a period).
 */
const dayPeriods: fc.Arbitrary<WorkingPeriod[]> = fc
  .oneof(
    fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 }),
    fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 276, 282, 288)), { maxLength: 6 }),
  )
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const periods: WorkingPeriod[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      periods.push({ from: hhmm((sorted[i] ?? 0) * 5), to: hhmm((sorted[i + 1] ?? 0) * 5) });
    }
    return periods;
  });

const week = fc
  .array(fc.option(dayPeriods, { freq: 3 }), { minLength: 7, maxLength: 7 })
  .map((days) => {
    const result: Partial<Record<Weekday, WorkingPeriod[]>> = {};
    days.forEach((periods, i) => {
      if (periods !== null) result[(i + 1) as Weekday] = periods;
    });
    return result;
  })
  .filter((w) => Object.values(w).some((periods) => periods.length > 0));

/** A start in 2026–2027 and a zone: anywhere in any zone, or within days before a DST switch of the zone (or hours after). */
const startAndZone: fc.Arbitrary<{ t: number; zone: string }> = fc.oneof(
  fc.record({
    t: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
    zone: fc.constantFrom<string>(...ZONES),
  }),
  fc
    .tuple(fc.constantFrom(...SWITCHES), fc.integer({ min: -3 * DAY, max: 6 * HOUR }))
    .map(([{ zone, at }, offset]) => ({ t: at + offset, zone })),
);

/** A start, and a calendar whose holidays fall within the weeks after it (random dates would rarely matter). */
const scenario = fc
  .record({
    start: startAndZone,
    week,
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 20 }), { maxLength: 4 }),
    around: fc.nat(9),
  })
  .map(({ start: { t, zone }, week: w, holidayOffsets, around }) => {
    const holidays = holidayOffsets.map((days) => new Date(t + days * DAY).toISOString().slice(0, 10));
    const calendar: BusinessCalendar = around === 0 ? ALWAYS : { kind: 'business', timeZone: zone, week: w, holidays };
    return { calendar, t };
  });

/** The working milliseconds of a calendar's week, ignoring holidays and DST (what sizes a random duration). */
function weeklyMs(calendar: BusinessCalendar): number {
  if (calendar.kind === '24x7') return 7 * DAY;
  return Object.values(calendar.week)
    .flat()
    .reduce((sum, p) => sum + (minutesOf(p.to) - minutesOf(p.from)) * MINUTE, 0);
}

/** A duration up to about two working weeks of the calendar, to the millisecond; small ones often. */
const durationFor = (calendar: BusinessCalendar): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: 0, max: 1_000_000 }).map((f) => Math.floor((f / 1_000_000) * 2 * weeklyMs(calendar))),
    fc.integer({ min: 0, max: Math.min(3 * HOUR, 2 * weeklyMs(calendar)) }),
  );

const withDuration = scenario.chain((s) => durationFor(s.calendar).map((d) => ({ ...s, d })));

/** Closed pauses around a start: from two days before to two weeks after, each up to three days. */
const closedPauses = (t: number): fc.Arbitrary<Interval[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -2 * DAY, max: 14 * DAY }), fc.integer({ min: 0, max: 3 * DAY }))
      .map(([offset, length]) => ({ from: new Date(t + offset), to: new Date(t + offset + length) })),
    { maxLength: 4 },
  );

/** The oracle, independent of the module: is the wall clock of the zone inside a period of a working day? */
function wallClockSaysWorking(calendar: BusinessCalendar, at: number): boolean {
  if (calendar.kind === '24x7') return true;
  const local = DateTime.fromMillis(at, { zone: calendar.timeZone });
  if (calendar.holidays.includes(local.toISODate() ?? '')) return false;
  const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / MINUTE;
  return (calendar.week[local.weekday as Weekday] ?? []).some(
    (p) => minutesOf(p.from) <= minute && minute < minutesOf(p.to),
  );
}

const asDate = (ms: number) => new Date(ms);

describe('business time over random calendars, instants and durations', () => {
  it('generates only calendars the rules accept', () => {
    fc.assert(
      fc.property(scenario, ({ calendar }) => {
        expect(calendarProblems(calendar)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('measures back the duration it added', () => {
    fc.assert(
      fc.property(withDuration, ({ calendar, t, d }) => {
        const due = addBusinessMs(calendar, asDate(t), d);
        expect(businessMsBetween(calendar, asDate(t), due)).toBe(d);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is due at the earliest instant: the millisecond before it is working time, and one short of the duration', () => {
    fc.assert(
      fc.property(withDuration, ({ calendar, t, d }) => {
        fc.pre(d > 0);
        const due = addBusinessMs(calendar, asDate(t), d).getTime();
        expect(isWorkingInstant(calendar, asDate(due - 1))).toBe(true);
        expect(businessMsBetween(calendar, asDate(t), asDate(due - 1))).toBe(d - 1);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('calls an instant working exactly when the wall clock of the zone is in a period of a working day', () => {
    fc.assert(
      fc.property(scenario, fc.oneof(fc.nat(14 * DAY), fc.nat(3 * DAY + 6 * HOUR)), ({ calendar, t }, offset) => {
        expect(isWorkingInstant(calendar, asDate(t + offset))).toBe(wallClockSaysWorking(calendar, t + offset));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds up: between(a, b) + between(b, c) = between(a, c)', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 0, max: 10 * DAY }),
        ({ calendar, t }, first, second) => {
          const [a, b, c] = [t, t + first, t + first + second].map(asDate) as [Date, Date, Date];
          expect(businessMsBetween(calendar, a, b) + businessMsBetween(calendar, b, c)).toBe(
            businessMsBetween(calendar, a, c),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('never measures more than the wall-clock time between two instants', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10 * DAY }), ({ calendar, t }, length) => {
        const measured = businessMsBetween(calendar, asDate(t), asDate(t + length));
        expect(measured).toBeGreaterThanOrEqual(0);
        expect(measured).toBeLessThanOrEqual(length);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('business time with random pauses', () => {
  const withPauses = withDuration.chain((s) => closedPauses(s.t).map((pauses) => ({ ...s, pauses })));

  it('measures back the duration it added around the pauses, and is due outside them', () => {
    fc.assert(
      fc.property(withPauses, ({ calendar, t, d, pauses }) => {
        const due = addBusinessMsExcluding(calendar, asDate(t), d, pauses);
        expect(businessMsBetweenExcluding(calendar, asDate(t), due, pauses)).toBe(d);
        if (d > 0) {
          const last = due.getTime() - 1;
          expect(isWorkingInstant(calendar, asDate(last))).toBe(true);
          expect(pauses.some((p) => p.from.getTime() <= last && last < (p.to ?? due).getTime())).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never counts paused time: another pause never adds time, and nothing counts inside a pause', () => {
    fc.assert(
      fc.property(
        withPauses,
        fc.integer({ min: 0, max: 14 * DAY }),
        fc.integer({ min: -2 * DAY, max: 14 * DAY }),
        fc.integer({ min: 0, max: 3 * DAY }),
        ({ calendar, t, pauses }, length, pauseOffset, pauseLength) => {
          const [a, b] = [asDate(t), asDate(t + length)];
          const extra: Interval = { from: asDate(t + pauseOffset), to: asDate(t + pauseOffset + pauseLength) };
          const withExtra = [...pauses, extra];
          const measured = businessMsBetweenExcluding(calendar, a, b, pauses);
          expect(measured).toBeLessThanOrEqual(businessMsBetween(calendar, a, b));
          expect(businessMsBetweenExcluding(calendar, a, b, withExtra)).toBeLessThanOrEqual(measured);
          expect(businessMsBetweenExcluding(calendar, extra.from, extra.to ?? b, withExtra)).toBe(0);
          // A pause takes off no more than the working time it covers.
          expect(measured - businessMsBetweenExcluding(calendar, a, b, withExtra)).toBeLessThanOrEqual(
            businessMsBetween(calendar, extra.from, extra.to ?? b),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('runs an open pause to the end of the measure', () => {
    fc.assert(
      fc.property(
        withPauses,
        fc.integer({ min: 0, max: 14 * DAY }),
        fc.integer({ min: -2 * DAY, max: 14 * DAY }),
        ({ calendar, t, pauses }, length, pauseOffset) => {
          const [a, b, since] = [asDate(t), asDate(t + length), asDate(t + pauseOffset)];
          expect(businessMsBetweenExcluding(calendar, a, b, [...pauses, { from: since, to: null }])).toBe(
            businessMsBetweenExcluding(calendar, a, b, [...pauses, { from: since, to: b }]),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('is due before an open pause, or refuses to say: never an instant inside or behind it', () => {
    fc.assert(
      fc.property(withPauses, fc.integer({ min: -2 * DAY, max: 14 * DAY }), ({ calendar, t, d, pauses }, offset) => {
        const open: Interval = { from: asDate(t + offset), to: null };
        const closed = [...pauses];
        let due: Date;
        try {
          due = addBusinessMsExcluding(calendar, asDate(t), d, [...closed, open]);
        } catch {
          // Refused: the duration is not used up before the open pause begins.
          const dueWithoutIt = addBusinessMsExcluding(calendar, asDate(t), d, closed);
          expect(businessMsBetweenExcluding(calendar, asDate(t), dueWithoutIt, [...closed, open])).toBeLessThan(d);
          return;
        }
        expect(due.getTime()).toBeLessThanOrEqual(Math.max(t, open.from.getTime()));
        expect(businessMsBetweenExcluding(calendar, asDate(t), due, [...closed, open])).toBe(d);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adds up with pauses too', () => {
    fc.assert(
      fc.property(
        withPauses,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 0, max: 10 * DAY }),
        ({ calendar, t, pauses }, first, second) => {
          const [a, b, c] = [t, t + first, t + first + second].map(asDate) as [Date, Date, Date];
          expect(
            businessMsBetweenExcluding(calendar, a, b, pauses) + businessMsBetweenExcluding(calendar, b, c, pauses),
          ).toBe(businessMsBetweenExcluding(calendar, a, c, pauses));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
