import type { Projection } from '#ltc/projections';
import { contractInvoicesProjection } from './contract-invoices.projection.js';
import { contractListProjection } from './contract-list.projection.js';
import { pipelineLengthProjection } from './pipeline-length.projection.js';

export { ContractReadsModule } from './contract-reads.module.js';
export { contractListProjection } from './contract-list.projection.js';
export { contractInvoicesProjection } from './contract-invoices.projection.js';
export { pipelineLengthProjection } from './pipeline-length.projection.js';

/** The read models behind contract lists, balances, aging, pipeline length and workload. */
export const contractReadProjections: readonly Projection[] = [
  contractListProjection,
  contractInvoicesProjection,
  pipelineLengthProjection,
];
