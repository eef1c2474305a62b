import { ALWAYS, type BusinessCalendar } from './business-calendar.js';
import { calendarProblems } from './calendar-rules.js';

const office: BusinessCalendar = {
  kind: 'business',
  timeZone: 'Europe/Berlin',
  week: {
    1: [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    5: [{ from: '00:00', to: '24:00' }],
  },
  holidays: ['2026-12-24', '2026-12-25'],
};

/** A calendar as a request body may carry it: any shape at all. */
const raw = (value: unknown): BusinessCalendar => value as BusinessCalendar;
const business = (changes: Record<string, unknown>): BusinessCalendar => raw({ ...office, ...changes });
const rulesOf = (calendar: BusinessCalendar) => calendarProblems(calendar).map(({ field, rule }) => ({ field, rule }));

describe('calendarProblems', () => {
  it('finds nothing wrong with a well-formed calendar, around the clock or in working hours', () => {
    expect(calendarProblems(ALWAYS)).toEqual([]);
    expect(calendarProblems(office)).toEqual([]);
    // Periods may come in any order, may touch (12:00–13:00 after 09:00–12:00) and may end at 24:00.
    const touching = business({
      week: {
        2: [
          { from: '12:00', to: '24:00' },
          { from: '00:00', to: '12:00' },
        ],
      },
    });
    expect(calendarProblems(touching)).toEqual([]);
    // UTC and zones without DST are IANA zones too; no holidays is fine.
    expect(calendarProblems(business({ timeZone: 'UTC', holidays: [] }))).toEqual([]);
    expect(calendarProblems(business({ timeZone: 'Asia/Shanghai' }))).toEqual([]);
  });

  it('names an unknown kind, and anything that is not a calendar', () => {
    expect(rulesOf(raw({ kind: 'weekdays' }))).toEqual([{ field: 'kind', rule: 'kind' }]);
    expect(rulesOf(raw(null))).toEqual([{ field: 'kind', rule: 'kind' }]);
    expect(rulesOf(raw(['24x7']))).toEqual([{ field: 'kind', rule: 'kind' }]);
  });

  it('names a time zone that is not an IANA zone', () => {
    expect(rulesOf(business({ timeZone: 'Mars/Olympus' }))).toEqual([{ field: 'timeZone', rule: 'timeZone' }]);
    expect(rulesOf(business({ timeZone: '' }))).toEqual([{ field: 'timeZone', rule: 'timeZone' }]);
    expect(rulesOf(business({ timeZone: 1 }))).toEqual([{ field: 'timeZone', rule: 'timeZone' }]);
    expect(rulesOf(business({ timeZone: undefined }))).toEqual([{ field: 'timeZone', rule: 'timeZone' }]);
  });

  it('names a weekday key that is not ISO 1–7', () => {
    const week = { 0: [{ from: '09:00', to: '17:00' }], mon: [], 1: [{ from: '09:00', to: '17:00' }] };
    expect(rulesOf(business({ week }))).toEqual([
      { field: 'week.0', rule: 'weekday' },
      { field: 'week.mon', rule: 'weekday' },
    ]);
  });

  it('names a time that is not HH:MM between 00:00 and 24:00, at its end of the period', () => {
    for (const bad of ['9:00', '09:60', '24:01', '25:00', '0900', '09:00:00', '', 900, null]) {
      const week = { 1: [{ from: bad, to: '17:00' }] };
      expect(rulesOf(business({ week }))).toEqual([{ field: 'week.1[0].from', rule: 'time' }]);
    }
    const week = { 3: [{ from: '09:00', to: '17:00' }, { from: '18:00' }] };
    expect(rulesOf(business({ week }))).toEqual([{ field: 'week.3[1].to', rule: 'time' }]);
  });

  it('names a period that does not start before it ends', () => {
    // A period across midnight is two periods of two days, not 17:00–09:00.
    expect(rulesOf(business({ week: { 1: [{ from: '17:00', to: '09:00' }] } }))).toEqual([
      { field: 'week.1[0]', rule: 'order' },
    ]);
    expect(rulesOf(business({ week: { 1: [{ from: '09:00', to: '09:00' }] } }))).toEqual([
      { field: 'week.1[0]', rule: 'order' },
    ]);
    expect(rulesOf(business({ week: { 1: [{ from: '24:00', to: '24:00' }] } }))).toEqual([
      { field: 'week.1[0]', rule: 'order' },
    ]);
  });

  it('names the weekday whose periods overlap, once', () => {
    const week = {
      2: [
        { from: '13:00', to: '17:00' },
        { from: '09:00', to: '13:30' },
        { from: '16:00', to: '18:00' },
      ],
    };
    expect(rulesOf(business({ week }))).toEqual([{ field: 'week.2', rule: 'overlap' }]);
    // A period inside another overlaps it, whatever comes after.
    const nested = {
      2: [
        { from: '08:00', to: '18:00' },
        { from: '10:00', to: '11:00' },
        { from: '19:00', to: '20:00' },
      ],
    };
    expect(rulesOf(business({ week: nested }))).toEqual([{ field: 'week.2', rule: 'overlap' }]);
  });

  it('needs some working time in the week', () => {
    expect(rulesOf(business({ week: {} }))).toEqual([{ field: 'week', rule: 'workingTime' }]);
    expect(rulesOf(business({ week: { 1: [], 6: [] } }))).toEqual([{ field: 'week', rule: 'workingTime' }]);
    expect(rulesOf(business({ week: undefined }))).toEqual([{ field: 'week', rule: 'workingTime' }]);
    // Periods under a key that is no weekday are not working time.
    expect(rulesOf(business({ week: { 8: [{ from: '09:00', to: '17:00' }] } }))).toEqual([
      { field: 'week.8', rule: 'weekday' },
      { field: 'week', rule: 'workingTime' },
    ]);
  });

  it('names a week, a weekday or a period of the wrong shape instead of failing on it', () => {
    expect(rulesOf(business({ week: 'Mon-Fri' }))).toEqual([{ field: 'week', rule: 'week' }]);
    expect(rulesOf(business({ week: [[{ from: '09:00', to: '17:00' }]] }))).toEqual([{ field: 'week', rule: 'week' }]);
    expect(rulesOf(business({ week: { 1: '09:00-17:00', 2: [{ from: '09:00', to: '17:00' }] } }))).toEqual([
      { field: 'week.1', rule: 'periods' },
    ]);
    expect(rulesOf(business({ week: { 1: [null, 'x', { from: '09:00', to: '17:00' }] } }))).toEqual([
      { field: 'week.1[0]', rule: 'period' },
      { field: 'week.1[1]', rule: 'period' },
    ]);
  });

  it('names each holiday that is not a calendar date, and holidays that are not a list', () => {
    const holidays = ['2026-12-24', '2026-02-30', '24.12.2026', '2026-1-5', '2026-12-24T00:00', 20261224, null];
    expect(rulesOf(business({ holidays }))).toEqual([
      { field: 'holidays[1]', rule: 'date' },
      { field: 'holidays[2]', rule: 'date' },
      { field: 'holidays[3]', rule: 'date' },
      { field: 'holidays[4]', rule: 'date' },
      { field: 'holidays[5]', rule: 'date' },
      { field: 'holidays[6]', rule: 'date' },
    ]);
    expect(rulesOf(business({ holidays: '2026-12-24' }))).toEqual([{ field: 'holidays', rule: 'holidays' }]);
    expect(rulesOf(business({ holidays: undefined }))).toEqual([]);
  });

  it('reports every problem at once, each with a message for the 400', () => {
    const calendar = business({
      timeZone: 'Berlin',
      week: { 1: [{ from: '18:00', to: '09:00' }], 9: [] },
      holidays: ['tomorrow'],
    });
    const problems = calendarProblems(calendar);
    expect(problems.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'timeZone', rule: 'timeZone' },
      { field: 'week.1[0]', rule: 'order' },
      { field: 'week.9', rule: 'weekday' },
      { field: 'holidays[0]', rule: 'date' },
    ]);
    for (const problem of problems) expect(problem.message).toEqual(expect.any(String));
  });
});
