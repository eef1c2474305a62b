import {
  LeadAnalyticsModule,
  leadAnalyticsPermissions,
  leadAssignmentsProjection,
  leadFunnelProjection,
  leadResponseTimesProjection,
  leadWonDealsProjection,
} from '#ltc/lead-analytics';
import { LeadImportModule, leadImportPermissions } from '#ltc/lead-import';
import {
  leadScoringPermissions,
  leadScoringProcessManager,
  leadScoringSimulation,
  ScoringModule,
  sourceConversionProjection,
} from '#ltc/lead-scoring';
import {
  DirectoryFreshness,
  DistributionClaimGuard,
  LeadDistributionModule,
  LeadRoutingProcessManager,
  SalesOrgRepDirectory,
  leadDistributionSimulation,
  leadRoutingPermissions,
} from '#ltc/lead-routing';
import { SALES_TEAMS, TEAM_MEMBERSHIPS, combinePermissions, defineContext, providePort } from '#ltc/platform';
import { waitForCheckpoint, waitUntilProjected } from '#ltc/projections';
import { CLAIM_GUARD } from './route-lead/claim-guard.js';
import { nurtureProcessManager } from './close-lead/nurture.process-manager.js';
import { leadHistory } from './lead-history.js';
import { teamsOfPerson } from './read-models/lead-readers.js';
import { leadPermissions } from './leads.permissions.js';
import { leadPersonalFields } from './lead-personal-data.js';
import { LeadsModule } from './leads.module.js';
import { leadListProjection } from './read-models/lead-list.projection.js';
import { leadSourceStatsProjection } from './read-models/lead-source-stats.projection.js';
import { unassignedQueueProjection } from './read-models/unassigned-queue.projection.js';
import { salesOrgProjection } from './sales-org/sales-org.projection.js';

/**
 * Manage Leads (ML) as the engine runs it: capture to conversion, distribution and routing
 * (`#ltc/lead-routing`), scoring, analytics and import (libraries of their own, ADR 0015). This file
 * is the one place of libs/leads that imports those parts: they build on the lifecycle, and
 * the descriptor composes them into one context. It has its own entry, `#ltc/leads/context`,
 * so the lifecycle's index never loads them. It asks the organisation whether a team exists
 * through the SalesTeams port.
 */
export const leadsContext = defineContext({
  name: 'leads',
  personalData: leadPersonalFields,
  modules: [LeadsModule, LeadDistributionModule, LeadImportModule, LeadAnalyticsModule, ScoringModule],
  projections: [
    leadListProjection,
    leadSourceStatsProjection,
    sourceConversionProjection,
    leadResponseTimesProjection,
    leadFunnelProjection,
    leadAssignmentsProjection,
    leadWonDealsProjection,
    unassignedQueueProjection,
    salesOrgProjection,
  ],
  processManagers: [
    leadScoringProcessManager,
    () => nurtureProcessManager,
    ({ store, db, clock, logger }) => {
      const log = logger.child({ component: 'lead-routing' });
      return new LeadRoutingProcessManager({
        store,
        db,
        directory: new SalesOrgRepDirectory(db),
        freshness: new DirectoryFreshness(
          {
            verify: (position) =>
              waitUntilProjected({ store, db }, salesOrgProjection, position, { timeoutMs: 10_000 }),
            reach: (position) => waitForCheckpoint(db, salesOrgProjection.name, position, { timeoutMs: 10_000 }),
          },
          (position) =>
            log.warn({ position: position.toString() }, 'sales-org projection behind; routing with what it knows'),
        ),
        clock,
        logger: log,
      });
    },
  ],
  // The claim guard is lead routing's answer to the lifecycle's question (may this rep claim one more?).
  provides: [
    providePort(CLAIM_GUARD, ({ store, db }) => new DistributionClaimGuard(store, db)),
    // A sales manager's team for deals and contracts is the one their leads follow (lead-readers.ts).
    providePort(TEAM_MEMBERSHIPS, ({ db }) => ({
      teamsOf: (tenantId, personId) => teamsOfPerson(db, tenantId, personId),
    })),
  ],
  consumes: [SALES_TEAMS, CLAIM_GUARD],
  history: leadHistory,
  simulations: [leadDistributionSimulation, leadScoringSimulation],
  permissions: combinePermissions(
    leadPermissions,
    leadRoutingPermissions,
    leadScoringPermissions,
    leadAnalyticsPermissions,
    leadImportPermissions,
  ),
});
