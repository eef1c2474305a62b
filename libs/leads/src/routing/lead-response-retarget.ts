import type { ProcessManagerContext, ReadModelDb } from '#ltc/projections';
import type { LeadEvent } from '../domain/lead.events.js';
import { OWNED_STATUSES, type Lead } from '../domain/lead.state.js';
import {
  UNSCORED_TIER,
  responseTargetFor,
  type DistributionPolicy,
} from '../distribution/domain/distribution-policy.js';
import { findAttemptsDue, setAttemptsDue } from './lead-attempts-due.js';
import { responseTimers, timerIds } from './lead-timers.js';
import { leadFacts } from './route-lead.js';

/**
 * The lead was routed before its tier was known (routing runs on capture, so scoring
 * cannot spend the five minutes): once it is scored, or once an assignment lands on an
 * already scored lead, the first-contact due time follows the tier, counted from the
 * assignment. Sent as a command, so the move is an event on the lead; keyed by the
 * handled event, so handling it twice sends it once.
 */
export async function retargetResponse(
  ctx: ProcessManagerContext,
  lead: Lead,
  policy: DistributionPolicy,
): Promise<void> {
  if (lead.owner === null || lead.firstContactAt !== null || !lead.assignedAt || !lead.responseDueAt) return;
  if (!OWNED_STATUSES.includes(lead.status)) return;
  const target = responseTargetFor(policy, leadFacts(lead));
  const responseDueAt = new Date(Date.parse(lead.assignedAt) + target * 1000).toISOString();
  if (responseDueAt === lead.responseDueAt) return;
  const tier = lead.score?.tier ?? UNSCORED_TIER;
  await ctx.dispatch(
    {
      type: 'lead.RetargetLeadResponse',
      payload: {
        leadId: lead.leadId,
        assignmentNo: lead.assignmentNo,
        responseDueAt,
        reason: `scored tier ${tier}: first contact within ${target} s of the assignment`,
      },
    },
    { key: 'retarget' },
  );
}

/**
 * On `LeadResponseRetargeted`: the timers of the earlier due time are cancelled (the lead
 * decider ignores them anyway, should one fire first) and new ones follow the new due
 * time, as do the owner's attempts-due row while no attempt was made.
 */
export async function followRetargetedClock(
  deps: { readonly ctx: ProcessManagerContext; readonly db: ReadModelDb; readonly tenantId: string },
  event: Extract<LeadEvent, { type: 'LeadResponseRetargeted' }>['data'],
  lead: { readonly asOf: Lead; readonly current: Lead | null; readonly policy: DistributionPolicy },
): Promise<void> {
  const { ctx, db, tenantId } = deps;
  const { leadId, assignmentNo, previousDueAt, responseDueAt } = event;
  for (const earlier of [undefined, previousDueAt]) {
    await ctx.cancel(timerIds.responseWarning(leadId, assignmentNo, earlier));
    await ctx.cancel(timerIds.responseBreach(leadId, assignmentNo, earlier));
  }
  const current = lead.current;
  if (!current || current.assignmentNo !== assignmentNo || current.firstContactAt !== null) return;
  const assignedAt = lead.asOf.assignedAt ?? event.at;
  const escalation = lead.policy.escalation;
  await schedule(
    ctx,
    responseTimers({ leadId, assignmentNo, assignedAt, responseDueAt, escalation, retargeted: true }, lead.policy),
  );
  const row = await findAttemptsDue(db, tenantId, leadId);
  if (row && row.attempts === 0) await setAttemptsDue(db, { ...row, next_attempt_due_at: responseDueAt });
}

async function schedule(ctx: ProcessManagerContext, timers: ReturnType<typeof responseTimers>): Promise<void> {
  for (const timer of timers) await ctx.schedule(timer);
}
