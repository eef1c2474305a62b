/** Service configuration for the ticket shell and the context's descriptor: the module, its reader and read models. */
export * from './service-config.js';
export { ServiceConfigModule } from './service-config.module.js';
export { ServiceConfigReader } from './service-config.reader.js';
export { serviceConfigProjections } from './service-config.projections.js';
export { groupsOfPerson } from './service-group-members.projection.js';
export { readContractFacts, type ContractFacts } from './contract-facts.js';
export {
  loadSlaPolicy,
  loadServiceCalendar,
  loadServiceGroup,
  loadServiceEntitlement,
  builtInDefaultPolicy,
  type Stored,
} from './stored-config.js';
export {
  slaPolicyCommands,
  serviceCalendarCommands,
  serviceGroupCommands,
  serviceEntitlementCommands,
} from './config-commands.js';
