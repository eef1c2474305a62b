import { LINES, PRIORITIES, SLA_CLOCKS, WAIT_REASONS } from '../service-vocabulary.js';
import { CONFIG_SLUG, MAX_MINUTES, fail, isNonBlank, isWholeNumber } from './config-rules.js';
import type { SlaPolicyDefinition } from './sla-policy.types.js';

const ESCALATION_TRIGGERS = ['warning', 'breach'] as const;
const ESCALATION_CLOCKS = [...SLA_CLOCKS, 'any'] as const;
const ESCALATION_ACTIONS = ['notify_group_lead', 'reassign_to_group_lead', 'escalate_line'] as const;

const oneOf = (values: readonly unknown[], value: unknown): boolean => values.includes(value);

function minutes(field: string, value: unknown): void {
  if (!isWholeNumber(value, 1, MAX_MINUTES)) {
    fail(field, 'positiveMinutes', `${field} must be whole minutes, 1 to ${MAX_MINUTES}`);
  }
}

/**
 * Refuses a policy definition the clocks could not run on, naming the first field and rule it
 * breaks (HTTP 400). `calendarKnown`: whether the tenant has the calendar it names.
 */
export function validateSlaPolicy(definition: SlaPolicyDefinition, calendarKnown: boolean): void {
  if (!isNonBlank(definition.name)) fail('name', 'notEmpty', 'name must not be empty');
  for (const priority of PRIORITIES) {
    const target = definition.targets?.[priority];
    if (target === undefined || target === null) {
      fail(`targets.${priority}`, 'required', `targets.${priority} is required: every priority has targets`);
    }
    minutes(`targets.${priority}.responseMinutes`, target.responseMinutes);
    minutes(`targets.${priority}.resolutionMinutes`, target.resolutionMinutes);
  }
  definition.pauseOn.forEach((reason, i) => {
    if (!oneOf(WAIT_REASONS, reason)) fail(`pauseOn[${i}]`, 'waitReason', `pauseOn is of ${WAIT_REASONS.join(', ')}`);
  });
  if (!isWholeNumber(definition.warnAtPercent, 1, 99)) {
    fail('warnAtPercent', 'percent', 'warnAtPercent must be a whole percent, 1–99');
  }
  definition.escalations.forEach((rule, i) => {
    if (!oneOf(ESCALATION_TRIGGERS, rule.on)) fail(`escalations[${i}].on`, 'trigger', 'on is warning or breach');
    if (!oneOf(ESCALATION_CLOCKS, rule.clock)) {
      fail(`escalations[${i}].clock`, 'clock', 'clock is response, resolution or any');
    }
    if (!oneOf(ESCALATION_ACTIONS, rule.action)) {
      fail(`escalations[${i}].action`, 'action', `action is one of ${ESCALATION_ACTIONS.join(', ')}`);
    }
  });
  for (const line of LINES) minutes(`ola.byLine.${line}`, definition.ola?.byLine?.[line]);
  for (const [kind, value] of Object.entries(definition.ola?.byKind ?? {})) {
    if (!CONFIG_SLUG.test(kind))
      fail(`ola.byKind.${kind}`, 'slug', 'a task kind is a lower-case slug such as onsite_visit');
    minutes(`ola.byKind.${kind}`, value);
  }
  if (typeof definition.independentVerification !== 'boolean') {
    fail('independentVerification', 'boolean', 'independentVerification must be true or false');
  }
  if (!isWholeNumber(definition.reopenWindowDays, 0, 365)) {
    fail('reopenWindowDays', 'days', 'reopenWindowDays must be whole days, 0–365');
  }
  // Last: a field that breaks its own rule is named before the calendar it happens to name.
  if (definition.calendarId !== null && !calendarKnown) {
    fail('calendarId', 'knownCalendar', `calendar ${String(definition.calendarId)} does not exist`);
  }
}
