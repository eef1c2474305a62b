import { definePolicySimulation } from '#ltc/platform';
import { validateDistributionPolicy } from '../distribution/domain/validate-distribution-policy.js';
import { DistributionReplay } from './distribution-replay.js';

/**
 * What-if for a team's lead distribution policy (method, capacity caps, response targets…):
 * the period's new leads distributed again by the real decider under the proposal.
 */
export const leadDistributionSimulation = definePolicySimulation({
  kind: 'lead_distribution',
  summary:
    "A team's distribution policy tried on the period's new leads: outcomes, leads per rep, waits for room, first contact within target",
  roles: ['sales_manager', 'auditor'],
  scope: {
    description: 'a sales team id (default: the tenant-wide policy over every rep)',
    pattern: /^[a-z0-9][a-z0-9_-]{0,62}$/,
  },
  reads: { streamPrefixes: ['lead-', 'rep-', 'team-', 'distributionPolicy-', 'routingRules-'] },
  parsePolicy: validateDistributionPolicy,
  start: (request) => new DistributionReplay(request),
});
