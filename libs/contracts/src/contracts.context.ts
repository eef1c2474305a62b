import { TEAM_MEMBERSHIPS, defineContext } from '#ltc/platform';
import { contractHistory } from './contract-history.js';
import { ContractsModule } from './contracts.module.js';
import { draftingProcessManager } from './drafting/index.js';
import { dunningProcessManager } from './dunning/index.js';
import { ContractReadsModule, contractReadProjections } from './read-models/index.js';
import { contractPermissions } from './contracts.permissions.js';
import { contractPersonalFields } from './contract-personal-data.js';

/**
 * Manage Contract Execution (MCE) as the engine runs it: a won deal's contract, signed, handed over
 * from AR to FR, delivered in purchase orders, accepted, invoiced and paid, with its money rules
 * decided over the contract's own stream. A won deal drafts its contract through a process manager
 * reading the opportunities context's published events (which also passes the deal's lead to the FR
 * on handover); issued invoices are chased by durable dunning timers.
 */
export const contractsContext = defineContext({
  name: 'contracts',
  personalData: contractPersonalFields,
  modules: [ContractsModule, ContractReadsModule],
  projections: [...contractReadProjections],
  processManagers: [draftingProcessManager, dunningProcessManager],
  // A sales manager sees the contracts of their teams' deals.
  consumes: [TEAM_MEMBERSHIPS],
  history: contractHistory,
  permissions: contractPermissions,
});
