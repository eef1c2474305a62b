import type { Decider } from '#ltc/kernel';
import { LINES } from '../service-vocabulary.js';
import { currentOf, fail, isNonBlank, noConfig, sameJson, unique, type ConfigState } from './config-rules.js';
import type { ServiceGroupEvent } from './config.events.js';
import type { ServiceGroupConfig, ServiceGroupDefinition } from './service-group.types.js';

/** Creates the group or stores a new version of it (PUT /service-groups/{id}). */
export interface ConfigureServiceGroup {
  readonly type: 'ConfigureServiceGroup';
  readonly groupId: string;
  readonly definition: ServiceGroupDefinition;
  /** Whether the tenant has the calendar the definition names (asked of its stream; unused for null). */
  readonly calendarKnown: boolean;
  readonly actor: string;
  readonly now: Date;
}

export type ServiceGroupCommand = ConfigureServiceGroup;
export type ServiceGroupState = ConfigState<ServiceGroupConfig>;

/** Refuses a group no ticket could be routed to, naming the first field and rule it breaks (HTTP 400). */
export function validateServiceGroup(definition: ServiceGroupDefinition, calendarKnown: boolean): void {
  if (!isNonBlank(definition.name)) fail('name', 'notEmpty', 'name must not be empty');
  if (!(LINES as readonly unknown[]).includes(definition.line)) fail('line', 'line', 'line is 1, 2 or 3');
  if (definition.lead !== null && !isNonBlank(definition.lead)) {
    fail('lead', 'notEmpty', 'lead is a person id, or null for none');
  }
  definition.members.forEach((member, i) => {
    if (!isNonBlank(member)) fail(`members[${i}]`, 'notEmpty', 'a member is a person id');
  });
  if (definition.calendarId !== null && !calendarKnown) {
    fail('calendarId', 'knownCalendar', `calendar ${String(definition.calendarId)} does not exist`);
  }
}

/** Decides a new group version; the same group again changes nothing. */
export function decideServiceGroup(command: ServiceGroupCommand, state: ServiceGroupState): ServiceGroupEvent[] {
  const current = currentOf(state);
  validateServiceGroup(command.definition, command.calendarKnown);
  const definition = canonicalServiceGroup(command.definition);
  if (current !== null && sameJson(canonicalServiceGroup(current), definition)) return [];
  const version = (current?.version ?? 0) + 1;
  return [
    {
      type: 'ServiceGroupConfigured',
      data: {
        group: { groupId: command.groupId, version, ...definition },
        previousVersion: current?.version ?? null,
        actor: command.actor,
        at: command.now.toISOString(),
      },
    },
  ];
}

export function evolveServiceGroup(_state: ServiceGroupState, event: ServiceGroupEvent): ServiceGroupState {
  return { status: 'configured', config: event.data.group };
}

export const serviceGroupDecider: Decider<ServiceGroupCommand, ServiceGroupEvent, ServiceGroupState> = {
  initialState: noConfig,
  decide: decideServiceGroup,
  evolve: evolveServiceGroup,
};

/** Names and ids trimmed, members once each in the order given (the order people see them in). */
export function canonicalServiceGroup(definition: ServiceGroupDefinition): ServiceGroupDefinition {
  return {
    name: definition.name.trim(),
    line: definition.line,
    lead: definition.lead === null ? null : definition.lead.trim(),
    members: unique(definition.members.map((member) => member.trim())),
    calendarId: definition.calendarId ?? null,
  };
}
