export * from './domain/distribution-policy.js';
export { validateDistributionPolicy, POLICY_LIMITS } from './domain/validate-distribution-policy.js';
export type { DistributionPolicyChanged, DistributionPolicyEvent } from './domain/distribution-policy.events.js';
export type { ChangeDistributionPolicy } from './domain/distribution-policy.commands.js';
export { distributionPolicyDecider, type DistributionPolicyState } from './domain/distribution-policy.decider.js';
export {
  distributeLead,
  type DistributionDecision,
  type DistributionRequest,
  type DistributionTrigger,
} from './domain/distribute-lead.js';
export type {
  LeadForDistribution,
  RepCandidate,
  RepLoad,
  RepAvailability,
  RepTerritories,
} from './domain/rep-candidate.js';
export { distributionPolicyStream } from './distribution-policy.stream.js';
export { loadPolicy, type EffectivePolicy } from './load-policy.js';
export { canClaim, type ClaimCheck } from './can-claim.js';
export { REP_DIRECTORY, type DirectoryRep, type RepDirectory } from './rep-directory.port.js';
export { setupDistributionLedger } from './ledger/distribution-ledger.js';
export { openLeadsOf, repLoads, PERFORMANCE_WINDOW_DAYS } from './ledger/ledger.queries.js';
export { DistributionPolicyController } from './distribution-policy.controller.js';
export { ChangeDistributionPolicyHandler } from './change-distribution-policy.handler.js';
