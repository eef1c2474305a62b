import type { ProcessManagerEffect } from '#ltc/projections';
import { type LeadEvent, OWNED_STATUSES, type Lead } from '#ltc/leads/domain';
import {
  UNSCORED_TIER,
  responseTargetFor,
  type DistributionPolicy,
} from '../distribution/domain/distribution-policy.js';
import { responseTimers, timerIds } from './lead-timers.js';
import { leadFacts } from './lead-facts.js';

/**
 * The lead was routed before its tier was known (routing runs on capture, so scoring
 * cannot spend the five minutes): once it is scored, or once an assignment lands on an
 * already scored lead, the first-contact due time follows the tier, counted from the
 * assignment. Sent as a command, so the move is an event on the lead; keyed by the
 * handled event, so handling it twice sends it once. Nothing when the due time stands.
 */
export function retargetResponse(lead: Lead, policy: DistributionPolicy): ProcessManagerEffect[] {
  if (lead.owner === null || lead.firstContactAt !== null || !lead.assignedAt || !lead.responseDueAt) return [];
  if (!OWNED_STATUSES.includes(lead.status)) return [];
  const target = responseTargetFor(policy, leadFacts(lead));
  const responseDueAt = new Date(Date.parse(lead.assignedAt) + target * 1000).toISOString();
  if (responseDueAt === lead.responseDueAt) return [];
  const tier = lead.score?.tier ?? UNSCORED_TIER;
  const payload = {
    leadId: lead.leadId,
    assignmentNo: lead.assignmentNo,
    responseDueAt,
    reason: `scored tier ${tier}: first contact within ${target} s of the assignment`,
  };
  return [{ kind: 'dispatch', command: { type: 'lead.RetargetLeadResponse', payload }, options: { key: 'retarget' } }];
}

/**
 * On `LeadResponseRetargeted`: the timers of the earlier due time are cancelled (the lead
 * decider ignores them anyway, should one fire first) and new ones follow the new due
 * time, while the lead (as it stands now) still waits for that first contact.
 */
export function followRetargetedClock(
  event: Extract<LeadEvent, { type: 'LeadResponseRetargeted' }>['data'],
  lead: { readonly asOf: Lead; readonly current: Lead | null; readonly policy: DistributionPolicy },
): ProcessManagerEffect[] {
  const { leadId, assignmentNo, previousDueAt, responseDueAt } = event;
  const cancels: ProcessManagerEffect[] = [undefined, previousDueAt].flatMap((earlier) => [
    { kind: 'cancel', timerId: timerIds.responseWarning(leadId, assignmentNo, earlier) },
    { kind: 'cancel', timerId: timerIds.responseBreach(leadId, assignmentNo, earlier) },
  ]);
  const current = lead.current;
  if (!current || current.assignmentNo !== assignmentNo || current.firstContactAt !== null) return cancels;
  const assignedAt = lead.asOf.assignedAt ?? event.at;
  const input = {
    leadId,
    assignmentNo,
    assignedAt,
    responseDueAt,
    escalation: lead.policy.escalation,
    retargeted: true,
  };
  return [...cancels, ...responseTimers(input, lead.policy).map((timer) => ({ kind: 'schedule' as const, timer }))];
}
