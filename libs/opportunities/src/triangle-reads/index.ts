import type { Projection } from '#ltc/projections';

export { TriangleReadsModule } from './triangle-reads.module.js';

/** The read models behind inboxes, the handoffs list, stage velocity and the scorecard. */
export const triangleReadProjections: readonly Projection[] = [];
