import { DEAL_SIGHT, TEAM_MEMBERSHIPS, defineContext, type ContextDescriptor } from '#ltc/platform';
import { AuditModule } from './audit.module.js';
import { auditPermissions } from './audit.permissions.js';
import { subjectContactsProjection } from './data-subjects/subject-contacts.projection.js';
import { timerHistory } from './summary/timer-summary.js';
import { auditTrailProjection } from './trail/audit-trail.projection.js';

/**
 * The audit trail over the other contexts: every event of theirs as a history entry, grouped
 * by deal through the links they declare (`history` in their descriptors). It decides
 * nothing about deals; the one event it writes is a data subject's erasure (ADR 0029).
 */
export function auditContext(contexts: readonly ContextDescriptor[]): ContextDescriptor {
  const contributions = [...contexts.flatMap((context) => (context.history ? [context.history] : [])), timerHistory];
  return defineContext({
    name: 'audit',
    modules: [AuditModule],
    projections: [auditTrailProjection(contributions), subjectContactsProjection()],
    // A sales manager reads the histories of their teams' deals: the deal's own context says which.
    consumes: [TEAM_MEMBERSHIPS, DEAL_SIGHT],
    permissions: auditPermissions,
  });
}
