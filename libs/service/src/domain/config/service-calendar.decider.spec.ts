import { deciderSpec } from '#ltc/testing/decider-spec';
import { serviceCalendarDecider, type ServiceCalendarCommand } from './service-calendar.decider.js';
import type { ServiceCalendarDefinition } from './service-calendar.types.js';

const { given, history } = deciderSpec(serviceCalendarDecider);
const now = new Date('2026-03-01T09:00:00Z');
const configure = (definition: ServiceCalendarDefinition): ServiceCalendarCommand => ({
  type: 'ConfigureServiceCalendar',
  calendarId: 'stockholm',
  definition,
  actor: 'sven-manager',
  now,
});
const day = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const stockholm: ServiceCalendarDefinition = {
  name: 'Stockholm office',
  timeZone: 'Europe/Stockholm',
  week: { 1: day, 2: day, 3: day, 4: day, 5: day },
  holidays: ['2026-06-19', '2026-12-24'],
};

describe('Service calendar › configure', () => {
  it('given no calendar, when configured, then version 1 in its zone with its week and holidays', () => {
    const data = given([]).when(configure(stockholm)).thenEmitsOne('ServiceCalendarConfigured');
    expect(data.calendar).toMatchObject({ calendarId: 'stockholm', version: 1, timeZone: 'Europe/Stockholm' });
    expect(Object.keys(data.calendar.week)).toEqual(['1', '2', '3', '4', '5']);
    expect(data.calendar.holidays).toEqual(['2026-06-19', '2026-12-24']);
  });

  it('given version 1, when a holiday is added, then version 2; the same calendar reordered appends nothing', () => {
    const v1 = history(configure(stockholm));
    const data = given(v1)
      .when(configure({ ...stockholm, holidays: [...stockholm.holidays, '2026-12-25'] }))
      .thenEmitsOne('ServiceCalendarConfigured');
    expect([data.calendar.version, data.previousVersion]).toEqual([2, 1]);
    given(v1)
      .when(
        configure({
          ...stockholm,
          week: { ...stockholm.week, 1: [...day].reverse(), 6: [] },
          holidays: ['2026-12-24', '2026-06-19', '2026-12-24'],
        }),
      )
      .thenNothing();
  });

  const refusals: [string, ServiceCalendarDefinition, string, string][] = [
    ['a blank name', { ...stockholm, name: '' }, 'name', 'notEmpty'],
    ['an unknown time zone', { ...stockholm, timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone'],
    ['no working time', { ...stockholm, week: { 6: [] } }, 'week', 'workingTime'],
    ['a malformed time', { ...stockholm, week: { 1: [{ from: '8:00', to: '12:00' }] } }, 'week.1[0].from', 'time'],
    ['a reversed period', { ...stockholm, week: { 2: [{ from: '17:00', to: '08:00' }] } }, 'week.2[0]', 'order'],
    [
      'overlapping periods',
      {
        ...stockholm,
        week: {
          3: [
            { from: '08:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      },
      'week.3',
      'overlap',
    ],
    ['a holiday that is no date', { ...stockholm, holidays: ['2026-13-01'] }, 'holidays[0]', 'date'],
  ];
  it.each(refusals)(
    'given no calendar, when configured with %s, then 400 naming the field and rule',
    (_, def, field, rule) => {
      given([]).when(configure(def)).thenFails({ code: 'VALIDATION_FAILED', field, rule });
    },
  );
});
