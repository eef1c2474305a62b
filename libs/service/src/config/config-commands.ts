import { commandHandlerFor, type CommandFacts } from '#ltc/platform';
import {
  parseServiceCalendarEvent,
  parseServiceEntitlementEvent,
  parseServiceGroupEvent,
  parseSlaPolicyEvent,
  serviceCalendarDecider,
  serviceEntitlementDecider,
  serviceGroupDecider,
  slaPolicyDecider,
  type ConfigureServiceGroup,
  type ConfigureSlaPolicy,
  type RecordServiceEntitlement,
} from '../domain/config/index.js';
import { calendarStream, entitlementStream, serviceGroupStream, slaPolicyStream } from '../service-streams.js';
import { readContractFacts } from './contract-facts.js';
import { calendarExists, slaPolicyExists } from './stored-config.js';

/** A command as a route writes it: the handler adds the clock's now and the facts from other streams. */
export type ConfigureSlaPolicyInput = Omit<ConfigureSlaPolicy, 'now' | 'calendarKnown'>;
export type ConfigureServiceGroupInput = Omit<ConfigureServiceGroup, 'now' | 'calendarKnown'>;
export type RecordServiceEntitlementInput = Omit<RecordServiceEntitlement, 'now' | 'contractKnown' | 'policyKnown'>;

const knownCalendar = (calendarId: string | null, { tenantId, store }: CommandFacts): Promise<boolean> =>
  calendarId === null ? Promise.resolve(true) : calendarExists(store, tenantId, calendarId);

export const slaPolicyCommands = commandHandlerFor(slaPolicyDecider, {
  entity: 'SlaPolicy',
  stream: slaPolicyStream,
  parse: parseSlaPolicyEvent,
  complete: async (input: ConfigureSlaPolicyInput, facts): Promise<ConfigureSlaPolicy> => ({
    ...input,
    calendarKnown: await knownCalendar(input.definition.calendarId, facts),
    now: facts.now,
  }),
});

export const serviceCalendarCommands = commandHandlerFor(serviceCalendarDecider, {
  entity: 'ServiceCalendar',
  stream: calendarStream,
  parse: parseServiceCalendarEvent,
});

export const serviceGroupCommands = commandHandlerFor(serviceGroupDecider, {
  entity: 'ServiceGroup',
  stream: serviceGroupStream,
  parse: parseServiceGroupEvent,
  complete: async (input: ConfigureServiceGroupInput, facts): Promise<ConfigureServiceGroup> => ({
    ...input,
    calendarKnown: await knownCalendar(input.definition.calendarId, facts),
    now: facts.now,
  }),
});

export const serviceEntitlementCommands = commandHandlerFor(serviceEntitlementDecider, {
  entity: 'ServiceEntitlement',
  stream: entitlementStream,
  parse: parseServiceEntitlementEvent,
  complete: async (input: RecordServiceEntitlementInput, facts): Promise<RecordServiceEntitlement> => ({
    ...input,
    contractKnown: (await readContractFacts(facts.store, facts.tenantId, input.contractId)) !== null,
    policyKnown: await slaPolicyExists(facts.store, facts.tenantId, input.definition.policyId),
    now: facts.now,
  }),
});

/** Every configuration command handler, for the module's providers. */
export const serviceConfigHandlers = [
  slaPolicyCommands.Handler,
  serviceCalendarCommands.Handler,
  serviceGroupCommands.Handler,
  serviceEntitlementCommands.Handler,
];
