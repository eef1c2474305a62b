import { DEAL_SIGHT, PEOPLE_DIRECTORY, TEAM_MEMBERSHIPS, defineContext, providePort } from '#ltc/platform';
import { dealSight } from './deal-sight.js';
import { conversionProcessManager } from './conversion/index.js';
import { handoffTimersProcessManager } from './handoff-timers/index.js';
import { OpportunitiesModule } from './opportunities.module.js';
import { opportunityHistory } from './opportunity-history.js';
import { opportunityPipelinesProjection } from './pipelines/opportunity-pipelines.projection.js';
import { OpportunityReadsModule, opportunityReadProjections } from './read-models/index.js';
import { TriangleReadsModule, triangleReadProjections } from './triangle-reads/index.js';
import { opportunityPermissions } from './opportunities.permissions.js';
import { opportunityPersonalFields } from './opportunity-personal-data.js';

/**
 * Manage Opportunities (MO) and the iron triangle as the engine runs it: pipelines, deals,
 * handoffs, quotes and bids (commands), and the lists, board, forecast, inboxes and
 * analytics built from their events. A deal opens when a lead converts (a process manager
 * reading the leads context's published events) or directly through `POST /opportunities`.
 */
export const opportunitiesContext = defineContext({
  name: 'opportunities',
  personalData: opportunityPersonalFields,
  modules: [OpportunitiesModule, OpportunityReadsModule, TriangleReadsModule],
  projections: [opportunityPipelinesProjection, ...opportunityReadProjections, ...triangleReadProjections],
  processManagers: [conversionProcessManager, handoffTimersProcessManager],
  // Triangles are checked against the organisation's records; escalations go to the AR's sales manager;
  // a sales manager sees their teams' deals.
  consumes: [PEOPLE_DIRECTORY, TEAM_MEMBERSHIPS],
  // Deal histories are shown to those who may open the deal.
  provides: [providePort(DEAL_SIGHT, ({ store }) => dealSight(store))],
  history: opportunityHistory,
  permissions: opportunityPermissions,
});
