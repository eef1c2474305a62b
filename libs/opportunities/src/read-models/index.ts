import type { Projection } from '#ltc/projections';

export { OpportunityReadsModule } from './opportunity-reads.module.js';

/** The read models behind the opportunity list, detail, board and forecast. */
export const opportunityReadProjections: readonly Projection[] = [];
