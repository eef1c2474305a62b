export { LeadRoutingProcessManager } from './lead-routing.process-manager.js';
export { DirectoryFreshness } from './directory-freshness.js';
export { SalesOrgRepDirectory } from './sales-org-rep-directory.js';
export { DistributionClaimGuard } from './distribution-claim-guard.js';
export { LeadDistributionModule } from './lead-distribution.module.js';
export { policyTeamOf, type RoutingDeps } from './route-lead.js';
export { timerIds } from './lead-timers.js';
export {
  SALES_MANAGERS,
  listNotifications,
  type NotificationKind,
  type NotificationView,
} from './lead-notifications.js';
export { listAttemptsDue, type AttemptDueView } from './lead-attempts-due.js';
