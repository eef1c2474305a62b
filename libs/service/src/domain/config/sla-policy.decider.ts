import type { Decider } from '#ltc/kernel';
import { WAIT_REASONS, type Priority } from '../service-vocabulary.js';
import { currentOf, noConfig, sameJson, type ConfigState } from './config-rules.js';
import type { SlaPolicyEvent } from './config.events.js';
import type { SlaPolicyConfig, SlaPolicyDefinition } from './sla-policy.types.js';
import { validateSlaPolicy } from './sla-policy.validate.js';

/** Creates the policy or stores a new version of it (PUT /sla-policies/{id}). */
export interface ConfigureSlaPolicy {
  readonly type: 'ConfigureSlaPolicy';
  readonly policyId: string;
  readonly definition: SlaPolicyDefinition;
  /** Whether the tenant has the calendar the definition names (asked of its stream; unused for null). */
  readonly calendarKnown: boolean;
  readonly actor: string;
  readonly now: Date;
}

export type SlaPolicyCommand = ConfigureSlaPolicy;
export type SlaPolicyState = ConfigState<SlaPolicyConfig>;

/** Decides a new policy version; the same definition again changes nothing. */
export function decideSlaPolicy(command: SlaPolicyCommand, state: SlaPolicyState): SlaPolicyEvent[] {
  const current = currentOf(state);
  validateSlaPolicy(command.definition, command.calendarKnown);
  const definition = canonicalSlaPolicy(command.definition);
  if (current !== null && sameJson(canonicalSlaPolicy(current), definition)) return [];
  const version = (current?.version ?? 0) + 1;
  return [
    {
      type: 'SlaPolicyConfigured',
      data: {
        policy: { policyId: command.policyId, version, ...definition },
        previousVersion: current?.version ?? null,
        actor: command.actor,
        at: command.now.toISOString(),
      },
    },
  ];
}

export function evolveSlaPolicy(_state: SlaPolicyState, event: SlaPolicyEvent): SlaPolicyState {
  return { status: 'configured', config: event.data.policy };
}

export const slaPolicyDecider: Decider<SlaPolicyCommand, SlaPolicyEvent, SlaPolicyState> = {
  initialState: noConfig,
  decide: decideSlaPolicy,
  evolve: evolveSlaPolicy,
};

/** The definition with its fields in one order, lists without repeats, so equal policies compare equal. */
export function canonicalSlaPolicy(definition: SlaPolicyDefinition): SlaPolicyDefinition {
  const escalations = definition.escalations.map(({ on, clock, action }) => ({ on, clock, action }));
  return {
    name: definition.name.trim(),
    targets: {
      P1: targetsOf(definition, 'P1'),
      P2: targetsOf(definition, 'P2'),
      P3: targetsOf(definition, 'P3'),
      P4: targetsOf(definition, 'P4'),
    },
    calendarId: definition.calendarId,
    pauseOn: WAIT_REASONS.filter((reason) => definition.pauseOn.includes(reason)),
    warnAtPercent: definition.warnAtPercent,
    escalations: escalations.filter((rule, i) => escalations.findIndex((other) => sameJson(other, rule)) === i),
    ola: {
      byLine: { 1: definition.ola.byLine[1], 2: definition.ola.byLine[2], 3: definition.ola.byLine[3] },
      byKind: Object.fromEntries(Object.entries(definition.ola.byKind).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    independentVerification: definition.independentVerification,
    reopenWindowDays: definition.reopenWindowDays,
  };
}

const targetsOf = (definition: SlaPolicyDefinition, priority: Priority) => ({
  responseMinutes: definition.targets[priority].responseMinutes,
  resolutionMinutes: definition.targets[priority].resolutionMinutes,
});
