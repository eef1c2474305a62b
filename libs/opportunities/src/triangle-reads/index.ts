import type { Projection } from '#ltc/projections';
import { opportunityTriangleProjection } from './projections/opportunity-triangle.projection.js';
import { stagePeriodsProjection } from './projections/stage-periods.projection.js';

export { TriangleReadsModule } from './triangle-reads.module.js';
export { opportunityTriangleProjection } from './projections/opportunity-triangle.projection.js';
export { stagePeriodsProjection } from './projections/stage-periods.projection.js';

/** The read models behind inboxes, the handoffs list, stage velocity and the scorecard. */
export const triangleReadProjections: readonly Projection[] = [opportunityTriangleProjection, stagePeriodsProjection];
