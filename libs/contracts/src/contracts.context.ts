import { defineContext } from '#ltc/platform';
import { ContractsModule } from './contracts.module.js';
import { ContractReadsModule, contractReadProjections } from './read-models/index.js';

/**
 * Manage Contract Execution (MCE) as the engine runs it: a won deal's contract, signed, handed over
 * from AR to FR, delivered in purchase orders, accepted, invoiced and paid, with its money rules
 * decided over the contract's own stream. A won deal drafts its contract through a process manager
 * reading the opportunities context's published events.
 */
export const contractsContext = defineContext({
  name: 'contracts',
  modules: [ContractsModule, ContractReadsModule],
  projections: [...contractReadProjections],
  processManagers: [],
});
