import { ALWAYS, type BusinessCalendar, type Interval, type WorkingPeriod } from './business-calendar.js';
import {
  addBusinessMs,
  addBusinessMsExcluding,
  businessMsBetween,
  businessMsBetweenExcluding,
  isWorkingInstant,
} from './business-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An instant written with its local offset, so each case reads as the wall clock it is about. */
const at = (iso: string): Date => new Date(iso);
const utc = (date: Date): string => date.toISOString();

const weekdays = (...periods: WorkingPeriod[]) => ({ 1: periods, 2: periods, 3: periods, 4: periods, 5: periods });
const everyDay = (...periods: WorkingPeriod[]) => ({ ...weekdays(...periods), 6: periods, 7: periods });
const calendar = (
  timeZone: string,
  week: Extract<BusinessCalendar, { kind: 'business' }>['week'],
  holidays: string[] = [],
): BusinessCalendar => ({ kind: 'business', timeZone, week, holidays });

const berlinOffice = calendar('Europe/Berlin', weekdays({ from: '09:00', to: '18:00' }));
const berlinAllDay = calendar('Europe/Berlin', everyDay({ from: '00:00', to: '24:00' }));
const berlinEarly = calendar('Europe/Berlin', weekdays({ from: '08:00', to: '17:00' }));

describe('addBusinessMs', () => {
  it('carries a target over the weekend in working hours', () => {
    // Fri 2026-01-16 17:30 CET: 30 min left on Friday (to 18:00), 3 h 30 on Monday from 09:00 → Mon 12:30 CET = 11:30Z.
    const due = addBusinessMs(berlinOffice, at('2026-01-16T17:30:00+01:00'), 4 * HOUR);
    expect(utc(due)).toBe('2026-01-19T11:30:00.000Z');
  });

  it('waits for the opening when started before it, and for the next day when started after closing', () => {
    // Mon 2026-01-19 07:00 CET is before 09:00: the hour runs 09:00–10:00 CET = 09:00Z.
    expect(utc(addBusinessMs(berlinOffice, at('2026-01-19T07:00:00+01:00'), HOUR))).toBe('2026-01-19T09:00:00.000Z');
    // Mon 19:00 CET is after 18:00: the hour runs Tue 09:00–10:00 CET = 09:00Z.
    expect(utc(addBusinessMs(berlinOffice, at('2026-01-19T19:00:00+01:00'), HOUR))).toBe('2026-01-20T09:00:00.000Z');
  });

  it('skips a day off', () => {
    // Sat 2026-01-17 12:00 is not worked, nor Sunday: the hour runs Mon 09:00–10:00 CET = 09:00Z.
    expect(utc(addBusinessMs(berlinOffice, at('2026-01-17T12:00:00+01:00'), HOUR))).toBe('2026-01-19T09:00:00.000Z');
  });

  it('skips holidays', () => {
    // Wed 2026-12-23 17:00 CET: 1 h on Wednesday; Thu 24 and Fri 25 are holidays, then the weekend;
    // the second hour runs Mon 28 09:00–10:00 CET = 09:00Z.
    const christmas = calendar('Europe/Berlin', weekdays({ from: '09:00', to: '18:00' }), ['2026-12-24', '2026-12-25']);
    expect(utc(addBusinessMs(christmas, at('2026-12-23T17:00:00+01:00'), 2 * HOUR))).toBe('2026-12-28T09:00:00.000Z');
    // Without the holidays the second hour is Thu 24 09:00–10:00 CET.
    expect(utc(addBusinessMs(berlinOffice, at('2026-12-23T17:00:00+01:00'), 2 * HOUR))).toBe(
      '2026-12-24T09:00:00.000Z',
    );
  });

  it('skips a lunch break between two periods of a day', () => {
    // Mon 2026-01-19 11:00 CET: 1 h to 12:00, lunch 12:00–13:00, 1 h to 14:00 CET = 13:00Z.
    const lunch = calendar('Europe/Berlin', weekdays({ from: '13:00', to: '17:00' }, { from: '09:00', to: '12:00' }));
    expect(utc(addBusinessMs(lunch, at('2026-01-19T11:00:00+01:00'), 2 * HOUR))).toBe('2026-01-19T13:00:00.000Z');
    // Exactly the morning's last hour ends at the end of the period (12:00 CET), not after the lunch.
    expect(utc(addBusinessMs(lunch, at('2026-01-19T11:00:00+01:00'), HOUR))).toBe('2026-01-19T11:00:00.000Z');
  });

  it('works in America/New_York', () => {
    // Tue 2026-01-20 16:00 EST (UTC−5): 1 h Tuesday to 17:00, 2 h Wednesday 09:00–11:00 EST = 16:00Z.
    const newYork = calendar('America/New_York', weekdays({ from: '09:00', to: '17:00' }));
    expect(utc(addBusinessMs(newYork, at('2026-01-20T16:00:00-05:00'), 3 * HOUR))).toBe('2026-01-21T16:00:00.000Z');
    // Across its spring-forward weekend (Sun 2026-03-08): Fri 06 16:00 EST + 2 h → Mon 09 10:00 EDT (UTC−4) = 14:00Z.
    expect(utc(addBusinessMs(newYork, at('2026-03-06T16:00:00-05:00'), 2 * HOUR))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('works in Asia/Shanghai, which keeps UTC+8 while Europe switches', () => {
    // Fri 2026-03-27 17:00 CST: 1 h Friday to 18:00, 1 h Monday 09:00–10:00 CST = 02:00Z (offset unchanged).
    const shanghai = calendar('Asia/Shanghai', weekdays({ from: '09:00', to: '18:00' }));
    expect(utc(addBusinessMs(shanghai, at('2026-03-27T17:00:00+08:00'), 2 * HOUR))).toBe('2026-03-30T02:00:00.000Z');
  });

  it('is wall-clock arithmetic around the clock', () => {
    const from = at('2026-03-28T12:00:00+01:00');
    expect(addBusinessMs(ALWAYS, from, 36 * HOUR + 1).getTime()).toBe(from.getTime() + 36 * HOUR + 1);
    expect(addBusinessMs(ALWAYS, from, 0).getTime()).toBe(from.getTime());
  });

  it('gives the start back for no duration, even outside working hours', () => {
    expect(utc(addBusinessMs(berlinOffice, at('2026-01-17T12:00:00+01:00'), 0))).toBe('2026-01-17T11:00:00.000Z');
    expect(utc(addBusinessMs(berlinOffice, at('2026-01-17T12:00:00+01:00'), -HOUR))).toBe('2026-01-17T11:00:00.000Z');
  });

  it('refuses a calendar without working time instead of looping', () => {
    const never = calendar('Europe/Berlin', {});
    expect(() => addBusinessMs(never, at('2026-01-19T09:00:00+01:00'), HOUR)).toThrow(/no working time/);
  });
});

describe('daylight-saving switches', () => {
  it('counts 23 working hours on the spring-forward day of a calendar open all day', () => {
    // Sun 2026-03-29 00:00 CET = Sat 23:00Z; 02:00 CET jumps to 03:00 CEST; Mon 00:00 CEST = Sun 22:00Z: 23 h.
    expect(businessMsBetween(berlinAllDay, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(
      23 * HOUR,
    );
    // And 24 working hours from Saturday noon are 24 real hours: Sat 11:00Z → Sun 11:00Z = 13:00 CEST.
    expect(utc(addBusinessMs(berlinAllDay, at('2026-03-28T12:00:00+01:00'), 24 * HOUR))).toBe(
      '2026-03-29T11:00:00.000Z',
    );
  });

  it('counts 25 working hours on the fall-back day of a calendar open all day', () => {
    // Sun 2026-10-25 00:00 CEST = Sat 22:00Z; 03:00 CEST falls back to 02:00 CET; Mon 00:00 CET = Sun 23:00Z: 25 h.
    expect(businessMsBetween(berlinAllDay, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(
      25 * HOUR,
    );
    // 24 working hours from Sunday's local midnight (Sat 22:00Z) are 24 real hours: Sun 22:00Z = 23:00 CET, not midnight.
    expect(utc(addBusinessMs(berlinAllDay, at('2026-10-25T00:00:00+02:00'), 24 * HOUR))).toBe(
      '2026-10-25T22:00:00.000Z',
    );
  });

  it('carries a target over a switch weekend in working hours, the UTC offset changing', () => {
    // Fri 2026-03-27 16:00 CET (15:00Z): 1 h to 17:00; Mon 30 08:00–09:00 CEST: due 09:00 CEST = 07:00Z.
    expect(utc(addBusinessMs(berlinEarly, at('2026-03-27T16:00:00+01:00'), 2 * HOUR))).toBe('2026-03-30T07:00:00.000Z');
    // Fri 2026-10-23 16:00 CEST (14:00Z): 1 h to 17:00; Mon 26 08:00–09:00 CET: due 09:00 CET = 08:00Z.
    expect(utc(addBusinessMs(berlinEarly, at('2026-10-23T16:00:00+02:00'), 2 * HOUR))).toBe('2026-10-26T08:00:00.000Z');
    // Measured back, the weekend's switch adds or removes nothing: 2 h either way.
    expect(businessMsBetween(berlinEarly, at('2026-03-27T16:00:00+01:00'), at('2026-03-30T09:00:00+02:00'))).toBe(
      2 * HOUR,
    );
    expect(businessMsBetween(berlinEarly, at('2026-10-23T16:00:00+02:00'), at('2026-10-26T09:00:00+01:00'))).toBe(
      2 * HOUR,
    );
  });

  // Regression: Luxon moves a wall time that the switch skips forward by the length of the gap
  // (02:30 → 03:30 CEST), so periods inside or across the gap used to gain working time that no
  // wall clock shows, and two periods of the day could count the same instants twice.
  it('works no time in a period that the spring-forward gap swallows', () => {
    const night = calendar('Europe/Berlin', { 7: [{ from: '02:15', to: '02:45' }] });
    // No wall clock in Berlin reads 02:15–02:45 on 2026-03-29: nothing is worked that Sunday.
    expect(businessMsBetween(night, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(0);
    expect(isWorkingInstant(night, at('2026-03-29T03:30:00+02:00'))).toBe(false);
    // The next Sunday has its 30 minutes: 02:15 CEST = 00:15Z, done at 02:45 CEST = 00:45Z.
    expect(utc(addBusinessMs(night, at('2026-03-29T00:00:00+01:00'), 30 * MINUTE))).toBe('2026-04-05T00:45:00.000Z');
  });

  it('shortens a period across the spring-forward gap by the skipped time only', () => {
    // 01:00–02:30 on 2026-03-29: 01:00–02:00 CET exists (00:00Z–01:00Z), 02:00–02:30 does not: 1 h.
    // 03:00–04:00 CEST (01:00Z–02:00Z) is a second period: 1 h, not overlapped by the first.
    const night = calendar('Europe/Berlin', {
      7: [
        { from: '01:00', to: '02:30' },
        { from: '03:00', to: '04:00' },
      ],
    });
    expect(businessMsBetween(night, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(2 * HOUR);
    // 1 h 30 of work: the first hour ends at the gap (01:00Z), the next 30 min run 03:00–03:30 CEST = 01:30Z.
    expect(utc(addBusinessMs(night, at('2026-03-29T00:00:00+01:00'), 90 * MINUTE))).toBe('2026-03-29T01:30:00.000Z');
    // A period that spans the whole gap loses exactly its hour: 01:00–04:00 is 2 h that day.
    const across = calendar('Europe/Berlin', { 7: [{ from: '01:00', to: '04:00' }] });
    expect(businessMsBetween(across, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(2 * HOUR);
  });

  it('works the repeated hour of the fall-back switch twice, as the wall clock shows it twice', () => {
    // 02:00–02:30 on 2026-10-25 happens in CEST (00:00Z–00:30Z) and again in CET (01:00Z–01:30Z): 1 h.
    const night = calendar('Europe/Berlin', { 7: [{ from: '02:00', to: '02:30' }] });
    expect(businessMsBetween(night, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(HOUR);
    expect(isWorkingInstant(night, at('2026-10-25T02:15:00+01:00'))).toBe(true);
    expect(isWorkingInstant(night, at('2026-10-25T02:45:00+02:00'))).toBe(false);
    // 45 min of work: 30 min in CEST, then 15 min of the second 02:00–02:30: done 02:15 CET = 01:15Z.
    expect(utc(addBusinessMs(night, at('2026-10-25T00:00:00+02:00'), 45 * MINUTE))).toBe('2026-10-25T01:15:00.000Z');
    // 02:30–04:00 is 02:30–03:00 CEST (00:30Z–01:00Z) and 02:30–04:00 CET (01:30Z–03:00Z): 2 h, not 2 h 30.
    const late = calendar('Europe/Berlin', { 7: [{ from: '02:30', to: '04:00' }] });
    expect(businessMsBetween(late, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(2 * HOUR);
    expect(isWorkingInstant(late, at('2026-10-25T02:15:00+01:00'))).toBe(false);
    // A period spanning the repeated hour is an hour longer: 01:00–04:00 is 4 h that day.
    const across = calendar('Europe/Berlin', { 7: [{ from: '01:00', to: '04:00' }] });
    expect(businessMsBetween(across, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(4 * HOUR);
  });

  it('handles a zone that switches at midnight, where a day starts at 01:00 or repeats its last hour', () => {
    // America/Santiago: Sat 2026-04-04 24:00 −03 falls back to 23:00 −04, so that Saturday (03:00Z → Sun 04:00Z) has 25 h.
    const saturdays = calendar('America/Santiago', { 6: [{ from: '00:00', to: '24:00' }] });
    expect(businessMsBetween(saturdays, at('2026-04-03T12:00:00Z'), at('2026-04-06T12:00:00Z'))).toBe(25 * HOUR);
    // Sat 2026-09-05 24:00 −04 springs to Sun 01:00 −03: no wall clock shows Sunday 00:00–01:00, nothing is worked.
    const sundayNight = calendar('America/Santiago', { 7: [{ from: '00:00', to: '01:00' }] });
    expect(businessMsBetween(sundayNight, at('2026-09-04T12:00:00Z'), at('2026-09-07T12:00:00Z'))).toBe(0);
    // Open all day, Sunday 2026-09-06 runs 01:00 −03 (04:00Z) → Mon 00:00 −03 (03:00Z): 23 h.
    const allDay = calendar('America/Santiago', everyDay({ from: '00:00', to: '24:00' }));
    expect(businessMsBetween(allDay, at('2026-09-06T04:00:00Z'), at('2026-09-07T03:00:00Z'))).toBe(23 * HOUR);
    // Regression: the days after that Sunday start at midnight again, not at 01:00 (Luxon keeps the wall time
    // when a day is added). So all the real time Fri 12:00Z → Mon 12:00Z is worked, 72 h, Monday 00:00–01:00 too;
    // and 24 working hours from Sun 04:00Z end 24 real hours later, Mon 04:00Z = 01:00 −03.
    expect(businessMsBetween(allDay, at('2026-09-04T12:00:00Z'), at('2026-09-07T12:00:00Z'))).toBe(72 * HOUR);
    expect(utc(addBusinessMs(allDay, at('2026-09-06T04:00:00Z'), 24 * HOUR))).toBe('2026-09-07T04:00:00.000Z');
    const mondayNight = calendar('America/Santiago', { 1: [{ from: '00:00', to: '01:00' }] });
    expect(businessMsBetween(mondayNight, at('2026-09-06T04:00:00Z'), at('2026-09-08T04:00:00Z'))).toBe(HOUR);
  });

  it('handles the southern switches of Australia/Sydney (forward in October, back in April)', () => {
    // Sun 2026-10-04 02:00 AEST jumps to 03:00 AEDT: 00:00–24:00 that day is 23 h.
    const sydney = calendar('Australia/Sydney', everyDay({ from: '00:00', to: '24:00' }));
    expect(businessMsBetween(sydney, at('2026-10-04T00:00:00+10:00'), at('2026-10-05T00:00:00+11:00'))).toBe(23 * HOUR);
    // Sun 2026-04-05 03:00 AEDT falls back to 02:00 AEST: 25 h.
    expect(businessMsBetween(sydney, at('2026-04-05T00:00:00+11:00'), at('2026-04-06T00:00:00+10:00'))).toBe(25 * HOUR);
  });
});

describe('businessMsBetween', () => {
  it('counts only working hours, over a weekend', () => {
    // Fri 2026-01-16 17:00 CET → Mon 10:00 CET: 1 h Friday + 1 h Monday.
    expect(businessMsBetween(berlinOffice, at('2026-01-16T17:00:00+01:00'), at('2026-01-19T10:00:00+01:00'))).toBe(
      2 * HOUR,
    );
  });

  it('counts a whole working week', () => {
    // Mon 2026-01-19 00:00 → Mon 26 00:00 CET: 5 days × 9 h.
    expect(businessMsBetween(berlinOffice, at('2026-01-19T00:00:00+01:00'), at('2026-01-26T00:00:00+01:00'))).toBe(
      45 * HOUR,
    );
  });

  it('leaves out a lunch break and holidays', () => {
    const lunch = calendar('Europe/Berlin', weekdays({ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }), [
      '2026-01-20',
    ]);
    // Mon 11:30 → 13:30 CET: 30 min before lunch, 30 min after.
    expect(businessMsBetween(lunch, at('2026-01-19T11:30:00+01:00'), at('2026-01-19T13:30:00+01:00'))).toBe(HOUR);
    // Mon 16:00 → Wed 10:00: 1 h Monday, Tuesday a holiday, 1 h Wednesday.
    expect(businessMsBetween(lunch, at('2026-01-19T16:00:00+01:00'), at('2026-01-21T10:00:00+01:00'))).toBe(2 * HOUR);
  });

  it('is nothing when the end is not after the start', () => {
    const noon = at('2026-01-19T12:00:00+01:00');
    expect(businessMsBetween(berlinOffice, noon, noon)).toBe(0);
    expect(businessMsBetween(berlinOffice, noon, at('2026-01-19T11:00:00+01:00'))).toBe(0);
    expect(businessMsBetween(ALWAYS, noon, at('2026-01-19T11:00:00+01:00'))).toBe(0);
  });

  it('is wall-clock time around the clock, across a switch too', () => {
    expect(businessMsBetween(ALWAYS, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(23 * HOUR);
  });
});

describe('isWorkingInstant', () => {
  it('is true from the opening (inclusive) to the closing (exclusive)', () => {
    expect(isWorkingInstant(berlinOffice, at('2026-01-19T09:00:00+01:00'))).toBe(true);
    expect(isWorkingInstant(berlinOffice, at('2026-01-19T08:59:59.999+01:00'))).toBe(false);
    expect(isWorkingInstant(berlinOffice, at('2026-01-19T17:59:59.999+01:00'))).toBe(true);
    expect(isWorkingInstant(berlinOffice, at('2026-01-19T18:00:00+01:00'))).toBe(false);
  });

  it('reads the wall clock of the calendar zone, not UTC', () => {
    // 08:30Z is 09:30 CET (working) but 03:30 EST in New York (not).
    const newYork = calendar('America/New_York', weekdays({ from: '09:00', to: '17:00' }));
    expect(isWorkingInstant(berlinOffice, at('2026-01-19T08:30:00Z'))).toBe(true);
    expect(isWorkingInstant(newYork, at('2026-01-19T08:30:00Z'))).toBe(false);
  });

  it('is false on a day off, a holiday and in a lunch break; always true around the clock', () => {
    const lunch = calendar('Europe/Berlin', weekdays({ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }), [
      '2026-01-20',
    ]);
    expect(isWorkingInstant(lunch, at('2026-01-17T10:00:00+01:00'))).toBe(false);
    expect(isWorkingInstant(lunch, at('2026-01-20T10:00:00+01:00'))).toBe(false);
    expect(isWorkingInstant(lunch, at('2026-01-19T12:30:00+01:00'))).toBe(false);
    expect(isWorkingInstant(lunch, at('2026-01-19T13:00:00+01:00'))).toBe(true);
    expect(isWorkingInstant(ALWAYS, at('2026-01-17T03:00:00+01:00'))).toBe(true);
  });
});

describe('pauses', () => {
  const monday = (time: string) => at(`2026-01-19T${time}:00+01:00`);
  const tuesday = (time: string) => at(`2026-01-20T${time}:00+01:00`);
  const pause = (from: Date, to: Date | null): Interval => ({ from, to });

  describe('businessMsBetweenExcluding', () => {
    it('leaves out a closed pause', () => {
      // Mon 09:00–18:00 is 9 h; paused 10:00–11:00: 8 h.
      const pauses = [pause(monday('10:00'), monday('11:00'))];
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('18:00'), pauses)).toBe(8 * HOUR);
    });

    it('counts overlapping pauses once', () => {
      // Paused 10:00–11:00 and 10:30–12:00: paused 10:00–12:00, 2 h of 9.
      const pauses = [pause(monday('10:30'), monday('12:00')), pause(monday('10:00'), monday('11:00'))];
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('18:00'), pauses)).toBe(7 * HOUR);
    });

    it('runs an open pause to the end of the measure', () => {
      // Paused since 16:00 and still paused: counted 09:00–16:00, 7 h, measured at 18:00 or later.
      const pauses = [pause(monday('16:00'), null)];
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('18:00'), pauses)).toBe(7 * HOUR);
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), tuesday('12:00'), pauses)).toBe(7 * HOUR);
      // Measured at 15:00, the pause has not begun: 6 h.
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('15:00'), pauses)).toBe(6 * HOUR);
    });

    it('takes nothing off for a pause in off-hours', () => {
      // Mon 09:00 → Tue 18:00 is 18 h; paused Mon 19:00 → Tue 08:00, outside working hours: still 18 h.
      const pauses = [pause(monday('19:00'), tuesday('08:00'))];
      expect(businessMsBetweenExcluding(berlinOffice, monday('09:00'), tuesday('18:00'), pauses)).toBe(18 * HOUR);
    });

    it('takes off only the part of a pause inside the measure', () => {
      // Paused 08:00–10:00, measured from 09:00: 1 h paused of 9 → 8 h; paused 17:00–20:00, measured to 17:30: 8 h 30 − 30 min.
      expect(
        businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('18:00'), [
          pause(monday('08:00'), monday('10:00')),
        ]),
      ).toBe(8 * HOUR);
      expect(
        businessMsBetweenExcluding(berlinOffice, monday('09:00'), monday('17:30'), [
          pause(monday('17:00'), monday('20:00')),
        ]),
      ).toBe(8 * HOUR);
    });

    it('is nothing inside a pause, and ignores a pause that ends before it starts', () => {
      const pauses = [pause(monday('10:00'), monday('12:00')), pause(monday('15:00'), monday('14:00'))];
      expect(businessMsBetweenExcluding(berlinOffice, monday('10:30'), monday('11:30'), pauses)).toBe(0);
      expect(businessMsBetweenExcluding(berlinOffice, monday('13:00'), monday('16:00'), pauses)).toBe(3 * HOUR);
    });
  });

  describe('addBusinessMsExcluding', () => {
    it('pushes the due instant back by the paused working time', () => {
      // Mon 09:00 + 2 h, paused 10:00–11:00: 09:00–10:00 and 11:00–12:00 → 12:00 CET = 11:00Z.
      const pauses = [pause(monday('10:00'), monday('11:00'))];
      expect(utc(addBusinessMsExcluding(berlinOffice, monday('09:00'), 2 * HOUR, pauses))).toBe(
        '2026-01-19T11:00:00.000Z',
      );
    });

    it('resumes after a pause that began before the start', () => {
      // From 10:00, paused 09:00–11:00: 1 h runs 11:00–12:00 → 11:00Z.
      const pauses = [pause(monday('09:00'), monday('11:00'))];
      expect(utc(addBusinessMsExcluding(berlinOffice, monday('10:00'), HOUR, pauses))).toBe('2026-01-19T11:00:00.000Z');
    });

    it('moves nothing for a pause in off-hours', () => {
      // Mon 17:00 + 2 h: 1 h Monday, 1 h Tuesday 09:00–10:00 → 09:00Z, paused overnight or not.
      const pauses = [pause(monday('20:00'), tuesday('08:00'))];
      expect(utc(addBusinessMsExcluding(berlinOffice, monday('17:00'), 2 * HOUR, pauses))).toBe(
        '2026-01-20T09:00:00.000Z',
      );
    });

    it('is due before an open pause that begins after the duration is used up, up to its very start', () => {
      // Paused since 12:00, still paused: 2 h from 09:00 end at 11:00 (10:00Z); 3 h end at the pause's start (11:00Z).
      const pauses = [pause(monday('12:00'), null)];
      expect(utc(addBusinessMsExcluding(berlinOffice, monday('09:00'), 2 * HOUR, pauses))).toBe(
        '2026-01-19T10:00:00.000Z',
      );
      expect(utc(addBusinessMsExcluding(berlinOffice, monday('09:00'), 3 * HOUR, pauses))).toBe(
        '2026-01-19T11:00:00.000Z',
      );
    });

    it('refuses to name an instant behind an open pause', () => {
      const pauses = [pause(monday('10:00'), null)];
      expect(() => addBusinessMsExcluding(berlinOffice, monday('09:00'), 2 * HOUR, pauses)).toThrow(/has not ended/);
    });

    it('is plain addBusinessMs without pauses, and wall-clock around the clock', () => {
      expect(addBusinessMsExcluding(berlinOffice, monday('17:00'), 2 * HOUR, [])).toEqual(
        addBusinessMs(berlinOffice, monday('17:00'), 2 * HOUR),
      );
      // Around the clock: 2 h from 09:00, paused 10:00–10:30 → 11:30 CET = 10:30Z.
      const pauses = [pause(monday('10:00'), monday('10:30'))];
      expect(utc(addBusinessMsExcluding(ALWAYS, monday('09:00'), 2 * HOUR, pauses))).toBe('2026-01-19T10:30:00.000Z');
    });
  });
});
