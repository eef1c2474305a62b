import type { Projection } from '#ltc/projections';
import { forecastHistoryProjection } from './forecast-history.projection.js';
import { opportunityListProjection } from './opportunity-list.projection.js';

export { OpportunityReadsModule } from './opportunity-reads.module.js';
export { opportunityListProjection } from './opportunity-list.projection.js';
export { forecastHistoryProjection } from './forecast-history.projection.js';

/** The read models behind the opportunity list, detail, board and forecast. */
export const opportunityReadProjections: readonly Projection[] = [opportunityListProjection, forecastHistoryProjection];
