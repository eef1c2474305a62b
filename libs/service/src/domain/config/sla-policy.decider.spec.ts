import { deciderSpec } from '#ltc/testing/decider-spec';
import type { SlaPolicyCommand } from './sla-policy.decider.js';
import { slaPolicyDecider } from './sla-policy.decider.js';
import { DEFAULT_SLA_POLICY, type SlaPolicyDefinition } from './sla-policy.types.js';

const { given, history } = deciderSpec(slaPolicyDecider);
const now = new Date('2026-03-01T09:00:00Z');
const configure = (definition: SlaPolicyDefinition, calendarKnown = true): SlaPolicyCommand => ({
  type: 'ConfigureSlaPolicy',
  policyId: 'gold',
  definition,
  calendarKnown,
  actor: 'sven-manager',
  now,
});
const gold: SlaPolicyDefinition = { ...DEFAULT_SLA_POLICY, name: 'Gold', calendarId: 'stockholm' };

describe('SLA policy › configure', () => {
  it('given no policy, when configured, then version 1 with its targets and calendar', () => {
    const data = given([]).when(configure(gold)).thenEmitsOne('SlaPolicyConfigured');
    expect(data.policy).toMatchObject({ policyId: 'gold', version: 1, name: 'Gold', calendarId: 'stockholm' });
    expect(data.policy.targets.P1).toEqual({ responseMinutes: 30, resolutionMinutes: 240 });
    expect([data.previousVersion, data.actor, data.at]).toEqual([null, 'sven-manager', now.toISOString()]);
  });

  it('the built-in default is 24x7 with the documented figures', () => {
    expect(DEFAULT_SLA_POLICY).toMatchObject({
      calendarId: null,
      targets: {
        P1: { responseMinutes: 30, resolutionMinutes: 240 },
        P2: { responseMinutes: 60, resolutionMinutes: 480 },
        P3: { responseMinutes: 240, resolutionMinutes: 1440 },
        P4: { responseMinutes: 480, resolutionMinutes: 2880 },
      },
      pauseOn: ['customer'],
      warnAtPercent: 75,
      ola: { byLine: { 1: 120, 2: 240, 3: 480 }, byKind: {} },
      independentVerification: false,
      reopenWindowDays: 7,
    });
    expect(DEFAULT_SLA_POLICY.escalations).toEqual([
      { on: 'warning', clock: 'any', action: 'notify_group_lead' },
      { on: 'breach', clock: 'any', action: 'notify_group_lead' },
    ]);
  });

  it('given version 1, when changed, then version 2; the same policy again (reordered, padded) appends nothing', () => {
    const v1 = history(configure({ ...gold, pauseOn: ['customer', 'third_party'] }));
    const faster = { ...gold, warnAtPercent: 50 };
    const data = given(v1).when(configure(faster)).thenEmitsOne('SlaPolicyConfigured');
    expect([data.policy.version, data.previousVersion, data.policy.warnAtPercent]).toEqual([2, 1, 50]);
    given(v1)
      .when(configure({ ...gold, name: ' Gold ', pauseOn: ['third_party', 'customer', 'customer'] }))
      .thenNothing();
  });

  it('a 24x7 policy needs no calendar', () => {
    given([])
      .when(configure({ ...gold, calendarId: null }, false))
      .thenEmitsOne('SlaPolicyConfigured');
  });

  const { P1, P2, P3 } = DEFAULT_SLA_POLICY.targets;
  const refusals: [string, SlaPolicyDefinition, string, string][] = [
    ['a blank name', { ...gold, name: '  ' }, 'name', 'notEmpty'],
    [
      'a missing priority',
      { ...gold, targets: { P1, P2, P3 } as SlaPolicyDefinition['targets'] },
      'targets.P4',
      'required',
    ],
    [
      'a zero response target',
      { ...gold, targets: { ...gold.targets, P2: { responseMinutes: 0, resolutionMinutes: 480 } } },
      'targets.P2.responseMinutes',
      'positiveMinutes',
    ],
    [
      'fractional resolution minutes',
      { ...gold, targets: { ...gold.targets, P3: { responseMinutes: 240, resolutionMinutes: 1.5 } } },
      'targets.P3.resolutionMinutes',
      'positiveMinutes',
    ],
    ['an unknown wait reason', { ...gold, pauseOn: ['lunch' as 'customer'] }, 'pauseOn[0]', 'waitReason'],
    ['a warning at 0 %', { ...gold, warnAtPercent: 0 }, 'warnAtPercent', 'percent'],
    ['a warning at 100 %', { ...gold, warnAtPercent: 100 }, 'warnAtPercent', 'percent'],
    [
      'an unknown escalation trigger',
      { ...gold, escalations: [{ on: 'soon' as 'breach', clock: 'any', action: 'escalate_line' }] },
      'escalations[0].on',
      'trigger',
    ],
    [
      'an unknown escalation clock',
      { ...gold, escalations: [{ on: 'breach', clock: 'ola' as 'any', action: 'escalate_line' }] },
      'escalations[0].clock',
      'clock',
    ],
    [
      'an unknown escalation action',
      { ...gold, escalations: [{ on: 'breach', clock: 'any', action: 'panic' as 'escalate_line' }] },
      'escalations[0].action',
      'action',
    ],
    [
      'a zero OLA on line 2',
      { ...gold, ola: { byLine: { 1: 120, 2: 0, 3: 480 }, byKind: {} } },
      'ola.byLine.2',
      'positiveMinutes',
    ],
    [
      'a negative OLA of a task kind',
      { ...gold, ola: { byLine: gold.ola.byLine, byKind: { onsite_visit: -5 } } },
      'ola.byKind.onsite_visit',
      'positiveMinutes',
    ],
    [
      'a task kind that is not a slug',
      { ...gold, ola: { byLine: gold.ola.byLine, byKind: { 'Onsite Visit': 60 } } },
      'ola.byKind.Onsite Visit',
      'slug',
    ],
    ['a reopen window over a year', { ...gold, reopenWindowDays: 366 }, 'reopenWindowDays', 'days'],
    ['a negative reopen window', { ...gold, reopenWindowDays: -1 }, 'reopenWindowDays', 'days'],
  ];
  it.each(refusals)(
    'given no policy, when configured with %s, then 400 naming the field and rule',
    (_, def, field, rule) => {
      given([]).when(configure(def)).thenFails({ code: 'VALIDATION_FAILED', field, rule });
    },
  );

  it('given no such calendar, when a policy names it, then 400 calendarId', () => {
    given([])
      .when(configure(gold, false))
      .thenFails({ code: 'VALIDATION_FAILED', field: 'calendarId', rule: 'knownCalendar' });
  });
});
