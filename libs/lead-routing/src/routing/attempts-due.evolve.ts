import type { ReadModelDb } from '#ltc/projections';
import type { LeadEvent, Lead } from '#ltc/leads/domain';
import { cadenceFor, type DistributionPolicy } from '../distribution/domain/distribution-policy.js';
import { clearAttemptsDue, findAttemptsDue, setAttemptsDue } from './lead-attempts-due.js';

/** Events after which a lead no longer waits for contact attempts by its owner. */
const ENDS_ATTEMPTS: ReadonlySet<LeadEvent['type']> = new Set([
  'LeadPooled',
  'LeadRecycled',
  'LeadQualified',
  'LeadDisqualified',
  'LeadNurtured',
  'LeadArchived',
  'LeadConverted',
]);

/**
 * Folds a lead event into the owner's attempts-due row, with the lead as of that event and
 * the policy as it stood then: the same event always leaves the same row, live or rebuilt.
 * Unscored leads follow tier B's cadence (the policy's unscored tier).
 */
export async function evolveAttemptsDue(
  db: ReadModelDb,
  tenantId: string,
  event: LeadEvent,
  lead: Lead,
  policy: DistributionPolicy,
): Promise<void> {
  const cadence = cadenceFor(policy, lead.score?.tier ?? null);
  if (ENDS_ATTEMPTS.has(event.type)) return clearAttemptsDue(db, tenantId, lead.leadId);
  switch (event.type) {
    case 'LeadAssigned': {
      const d = event.data;
      return setAttemptsDue(db, {
        tenant_id: tenantId,
        lead_id: lead.leadId,
        owner_id: d.repId,
        attempts: lead.attempts,
        target: cadence.attempts,
        next_attempt_due_at: d.responseDueAt,
        last_attempt_at: null,
        updated_at: d.at,
      });
    }
    case 'LeadContactAttempted': {
      const d = event.data;
      if (d.outcome === 'reached' || d.attemptNo >= cadence.attempts)
        return clearAttemptsDue(db, tenantId, lead.leadId);
      return setAttemptsDue(db, {
        tenant_id: tenantId,
        lead_id: lead.leadId,
        owner_id: d.repId,
        attempts: d.attemptNo,
        target: cadence.attempts,
        next_attempt_due_at: addMinutes(d.at, cadence.gapMinutes),
        last_attempt_at: d.at,
        updated_at: d.at,
      });
    }
    case 'LeadScored': {
      // The tier sets the cadence: a lead already worked as often as its tier asks drops out.
      const row = await findAttemptsDue(db, tenantId, lead.leadId);
      if (!row) return;
      if (row.attempts >= cadence.attempts) return clearAttemptsDue(db, tenantId, lead.leadId);
      const next = row.last_attempt_at ? addMinutes(row.last_attempt_at, cadence.gapMinutes) : row.next_attempt_due_at;
      return setAttemptsDue(db, { ...row, target: cadence.attempts, next_attempt_due_at: next });
    }
    case 'LeadResponseRetargeted': {
      // Before the first attempt the lead is due by the response target, which just moved.
      const row = await findAttemptsDue(db, tenantId, lead.leadId);
      if (row?.attempts === 0 && lead.firstContactAt === null) {
        await setAttemptsDue(db, { ...row, next_attempt_due_at: event.data.responseDueAt });
      }
      return;
    }
    default:
      return;
  }
}

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + Math.round(minutes * 60_000)).toISOString();
