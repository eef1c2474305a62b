import type { Projection } from '#ltc/projections';
import { serviceConfigurationsProjection } from './service-configurations.projection.js';
import { serviceGroupMembersProjection } from './service-group-members.projection.js';

/** The read models of service configuration: the lists, and who is in which group. Register them in the context. */
export const serviceConfigProjections: readonly Projection[] = [
  serviceConfigurationsProjection,
  serviceGroupMembersProjection,
];
