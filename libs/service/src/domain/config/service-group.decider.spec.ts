import { deciderSpec } from '#ltc/testing/decider-spec';
import { serviceGroupDecider, type ServiceGroupCommand } from './service-group.decider.js';
import type { ServiceGroupDefinition } from './service-group.types.js';

const { given, history } = deciderSpec(serviceGroupDecider);
const now = new Date('2026-03-01T09:00:00Z');
const configure = (definition: ServiceGroupDefinition, calendarKnown = true): ServiceGroupCommand => ({
  type: 'ConfigureServiceGroup',
  groupId: 'hotline',
  definition,
  calendarKnown,
  actor: 'sven-manager',
  now,
});
const hotline: ServiceGroupDefinition = {
  name: 'Hotline',
  line: 1,
  lead: 'lena',
  members: ['lena', 'olle', 'per'],
  calendarId: null,
};

describe('Service group › configure', () => {
  it('given no group, when configured, then version 1 with its line, lead and members', () => {
    const data = given([]).when(configure(hotline)).thenEmitsOne('ServiceGroupConfigured');
    expect(data.group).toEqual({ groupId: 'hotline', version: 1, ...hotline });
  });

  it('given version 1, when a member joins, then version 2; the same group again appends nothing', () => {
    const v1 = history(configure(hotline));
    const data = given(v1)
      .when(configure({ ...hotline, members: [...hotline.members, 'stina'] }))
      .thenEmitsOne('ServiceGroupConfigured');
    expect([data.group.version, data.previousVersion, data.group.members]).toEqual([
      2,
      1,
      ['lena', 'olle', 'per', 'stina'],
    ]);
    given(v1)
      .when(configure({ ...hotline, name: 'Hotline ', members: ['lena', 'olle', 'olle', 'per'] }))
      .thenNothing();
  });

  it('a group may name a known calendar of its own', () => {
    const data = given([])
      .when(configure({ ...hotline, calendarId: 'stockholm' }))
      .thenEmitsOne('ServiceGroupConfigured');
    expect(data.group.calendarId).toBe('stockholm');
  });

  const refusals: [string, ServiceGroupDefinition, boolean, string, string][] = [
    ['a blank name', { ...hotline, name: ' ' }, true, 'name', 'notEmpty'],
    ['line 4', { ...hotline, line: 4 as 1 }, true, 'line', 'line'],
    ['a blank lead', { ...hotline, lead: '' }, true, 'lead', 'notEmpty'],
    ['a blank member', { ...hotline, members: ['lena', ' '] }, true, 'members[1]', 'notEmpty'],
    ['an unknown calendar', { ...hotline, calendarId: 'mars' }, false, 'calendarId', 'knownCalendar'],
  ];
  it.each(refusals)(
    'given no group, when configured with %s, then 400 naming the field and rule',
    (_, def, calendarKnown, field, rule) => {
      given([]).when(configure(def, calendarKnown)).thenFails({ code: 'VALIDATION_FAILED', field, rule });
    },
  );
});
