import type { Projection } from '#ltc/projections';
import { serviceOlaTasksProjection } from './service-ola-tasks.projection.js';
import { serviceProductRequirementsProjection } from './service-product-requirements.projection.js';
import { serviceTicketsProjection } from './service-tickets.projection.js';

export { ServiceReadsModule } from './service-reads.module.js';
export { serviceTicketsProjection } from './service-tickets.projection.js';
export { serviceOlaTasksProjection } from './service-ola-tasks.projection.js';
export { serviceProductRequirementsProjection } from './service-product-requirements.projection.js';

/** The read models behind ticket lists, queues, customer histories, SLA / OLA / CSAT analytics and product requirements. */
export const serviceReadProjections: readonly Projection[] = [
  serviceTicketsProjection,
  serviceOlaTasksProjection,
  serviceProductRequirementsProjection,
];
