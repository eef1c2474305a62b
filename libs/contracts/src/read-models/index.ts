import type { Projection } from '#ltc/projections';

export { ContractReadsModule } from './contract-reads.module.js';

/** The read models behind contract lists, balances, aging, pipeline length and workload. */
export const contractReadProjections: readonly Projection[] = [];
