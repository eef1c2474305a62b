import type { Projection } from '#ltc/projections';
import { opportunityTriangleProjection } from './projections/opportunity-triangle.projection.js';
import { stagePeriodsProjection } from './projections/stage-periods.projection.js';
import { invoicesOverdueProjection } from './projections/invoices-overdue.projection.js';

export { TriangleReadsModule } from './triangle-reads.module.js';
export { opportunityTriangleProjection } from './projections/opportunity-triangle.projection.js';
export { stagePeriodsProjection } from './projections/stage-periods.projection.js';
export { invoicesOverdueProjection } from './projections/invoices-overdue.projection.js';

/** The read models behind inboxes (with the AR's overdue invoices), the handoffs list, stage velocity and the scorecard. */
export const triangleReadProjections: readonly Projection[] = [
  opportunityTriangleProjection,
  stagePeriodsProjection,
  invoicesOverdueProjection,
];
