import type { EventFilter, RecordedEvent } from '#ltc/event-store';
import type { ProcessManager, ProcessManagerContext, ReadModelDb } from '#ltc/projections';
import type { LeadEvent, LeadEventType } from '../domain/lead.events.js';
import { ENDS_ROUTING_WAIT } from '../domain/lead-routing-deferred.events.js';
import type { Lead } from '../domain/lead.state.js';
import type { DistributionTrigger } from '../distribution/domain/distribute-lead.js';
import { cadenceFor } from '../distribution/domain/distribution-policy.js';
import { applyToLedger, hasDecisionFor } from '../distribution/ledger/distribution-ledger.js';
import { loadPolicy } from '../distribution/load-policy.js';
import { clearAttemptsDue, findAttemptsDue, setAttemptsDue } from './lead-attempts-due.js';
import { asLeadEvent } from '../domain/lead-event.js';
import { readLeadHistory, type LeadHistory } from './lead-history.js';
import { SALES_MANAGERS, recordNotification, type NotificationKind } from './lead-notifications.js';
import {
  archiveTimer,
  offerExpiryTimer,
  recycleTimers,
  responseTimers,
  timerIds,
  type TimerPlan,
} from './lead-timers.js';
import { followRetargetedClock, retargetResponse } from './lead-response-retarget.js';
import { assignTeam } from './lead-team.js';
import { redistributeOwnerLeads } from './owner-deactivated.js';
import { routingPartition } from './routing-partition.js';
import { isRepChange, REP_CHANGES } from './rep-change.js';
import { rerouteForFreedReps, rerouteOnRepChange } from './reroute-waiting.js';
import { clearWait } from './routing-waits.js';
import { announceWaitingLead } from './waiting-digest.js';
import { policyTeamOf, routeLead, type RoutingDeps } from './route-lead.js';
import { setupRoutingTables } from './routing-tables.js';

const HANDLED: readonly LeadEventType[] = [
  'LeadCaptured',
  'LeadScored',
  'LeadAssigned',
  'LeadPooled',
  'LeadOffered',
  'LeadOfferDeclined',
  'LeadOfferExpired',
  'LeadContactAttempted',
  'LeadResponseWarning',
  'LeadResponseSlaBreached',
  'LeadResponseRetargeted',
  'LeadQualified',
  'LeadDisqualified',
  'LeadNurtured',
  'LeadReactivated',
  'LeadRecycleWarning',
  'LeadRecycled',
  'LeadArchived',
  'LeadConverted',
  'LeadRoutingDeferred',
];

/** Statuses in which an idle lead is recycled (the lead decider's rule). */
const RECYCLABLE: readonly Lead['status'][] = ['assigned', 'working'];

/**
 * Lead routing: decides who gets each lead (by the team's distribution policy), and
 * keeps the clocks that make sure it is worked: the response target (warn, breach,
 * escalate), the contact cadence, recycling of idle leads and archiving of unclaimed
 * ones. Routes a lead as soon as it is captured: the five-minute clock starts when the
 * customer asks, and scoring must not spend it (see README.md beside this file).
 *
 * Every effect is keyed by the event that caused it (dispatch keys, timer ids,
 * notification ids, ledger decisions), so handling an event twice changes nothing.
 */
export class LeadRoutingProcessManager implements ProcessManager {
  readonly name = 'lead_routing';
  readonly filter: EventFilter = {
    streamPrefixes: ['lead-', 'rep-'],
    eventTypes: [...HANDLED, 'RepDeactivated', ...REP_CHANGES],
  };
  readonly partitionKey = routingPartition;

  constructor(private readonly deps: RoutingDeps) {}

  setup(db: ReadModelDb): Promise<void> {
    return setupRoutingTables(db);
  }

  async handle(recorded: RecordedEvent, ctx: ProcessManagerContext): Promise<void> {
    const { db } = this.deps;
    if (recorded.type === 'RepDeactivated') return redistributeOwnerLeads(this.deps, recorded, ctx);
    if (isRepChange(recorded.type)) return rerouteOnRepChange(this.deps, recorded, ctx);
    const event = asLeadEvent(recorded);
    if (!event) return; // the filter lets through only lead events this manager handles
    const tenantId = recorded.metadata.tenantId;
    // The ledger first: every later decision must count this event's effect on ownership.
    const freed = await applyToLedger(db, tenantId, event, recorded.position);
    if ((ENDS_ROUTING_WAIT as readonly string[]).includes(event.type)) await clearWait(db, tenantId, event.data.leadId);
    const history = await readLeadHistory(this.deps.store, event.data.leadId, recorded.revision);
    const lead = history.asOf;
    if (lead) await new Step(this.deps, ctx, recorded, history, lead).run(event);
    // Room freed by this lead goes to the leads that waited for it, after the lead's own next step.
    if (freed.length > 0) await rerouteForFreedReps(this.deps, recorded, ctx, freed);
  }
}

/** Handling of one event: the event, the lead as of it and now, and the effects it may cause. */
class Step {
  private readonly tenantId: string;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly ctx: ProcessManagerContext,
    private readonly recorded: RecordedEvent,
    private readonly history: LeadHistory,
    private lead: Lead,
  ) {
    this.tenantId = recorded.metadata.tenantId;
  }

  async run(event: LeadEvent): Promise<void> {
    switch (event.type) {
      case 'LeadCaptured':
        return this.routeNewLead();
      case 'LeadScored':
        return this.onScored();
      case 'LeadAssigned':
        return this.onAssigned(event.data);
      case 'LeadContactAttempted':
        return this.onContactAttempted(event.data);
      case 'LeadOffered': {
        const { offerId, repId, round, expiresAt, leadId } = event.data;
        await this.schedule([offerExpiryTimer({ leadId, offerId, expiresAt })]);
        return this.notify(repId, 'lead_offered', `offered to you (round ${round}) until ${expiresAt}`);
      }
      case 'LeadOfferDeclined':
        return this.route('offer_declined');
      case 'LeadOfferExpired':
        return this.route('offer_expired');
      case 'LeadPooled':
        return this.onPooled(event.data);
      case 'LeadRecycled':
        return this.onRecycled(event.data);
      case 'LeadResponseWarning':
        return this.notify(event.data.repId, 'response_warning', `first contact is due by ${event.data.dueAt}`);
      case 'LeadResponseSlaBreached':
        return this.onBreached(event.data);
      case 'LeadResponseRetargeted':
        return this.onRetargeted(event.data);
      case 'LeadRecycleWarning':
        return this.notify(
          event.data.repId,
          'recycle_warning',
          `returns to the pool at ${event.data.recycleAt} unless it makes progress`,
        );
      case 'LeadReactivated':
        if (this.lead.owner === null) return this.route('reactivated');
        return this.armRecycling(event.data.at);
      case 'LeadQualified':
      case 'LeadDisqualified':
      case 'LeadNurtured':
      case 'LeadArchived':
      case 'LeadConverted':
        return clearAttemptsDue(this.deps.db, this.tenantId, this.lead.leadId);
      case 'LeadRoutingDeferred':
        return announceWaitingLead(this.deps, this.tenantId, event.data);
      default:
        return;
    }
  }

  /** A new lead without a team gets one from the first routing rule it matches, then is routed by that team. */
  private async routeNewLead(): Promise<void> {
    const team = await assignTeam(this.deps.store, this.ctx, this.tenantId, this.lead);
    if (team !== null) this.lead = { ...this.lead, team };
    return this.route('new_lead', [], team);
  }

  /** Distributes the lead if, as it stands now, it still waits for an owner. */
  private async route(
    trigger: DistributionTrigger,
    excluded: readonly { repId: string; reason: string }[] = [],
    team: string | null = null,
  ): Promise<void> {
    const current = this.history.current;
    if (!current || !waitsForRouting(current, trigger)) return;
    await routeLead(this.deps, this.ctx, {
      event: this.recorded,
      history: this.history,
      lead: team !== null && current.team === null ? { ...current, team } : current,
      trigger,
      excluded,
    });
  }

  /**
   * Scoring adjusts the cadence to the tier. It routes only a lead nothing was decided
   * for yet (its capture was handled before routing existed, or its decision was refused).
   */
  private async onScored(): Promise<void> {
    await this.retargetResponse();
    const row = await findAttemptsDue(this.deps.db, this.tenantId, this.lead.leadId);
    if (row) {
      const cadence = cadenceFor(await this.policy(), this.lead.score?.tier ?? null);
      if (row.attempts >= cadence.attempts) {
        await clearAttemptsDue(this.deps.db, this.tenantId, this.lead.leadId);
      } else {
        const next = row.last_attempt_at
          ? addMinutes(row.last_attempt_at, cadence.gapMinutes)
          : row.next_attempt_due_at;
        await setAttemptsDue(this.deps.db, { ...row, target: cadence.attempts, next_attempt_due_at: next });
      }
    }
    if (await hasDecisionFor(this.deps.db, this.tenantId, this.lead.leadId)) return;
    await this.route('new_lead');
  }

  private async retargetResponse(): Promise<void> {
    await retargetResponse(this.ctx, this.lead, await this.policy());
  }

  private async onRetargeted(d: Extract<LeadEvent, { type: 'LeadResponseRetargeted' }>['data']): Promise<void> {
    await followRetargetedClock({ ...this.deps, ctx: this.ctx, tenantId: this.tenantId }, d, {
      asOf: this.lead,
      current: this.history.current,
      policy: await this.policy(),
    });
  }

  private async onAssigned(d: Extract<LeadEvent, { type: 'LeadAssigned' }>['data']): Promise<void> {
    const policy = await this.policy();
    const lead = this.lead;
    if (lead.firstContactAt === null) {
      const input = { ...d, assignedAt: d.at, escalation: policy.escalation };
      await this.schedule(responseTimers(input, policy));
    }
    await this.armRecycling(d.at);
    // Scored before this assignment landed (routing decided on the unscored lead): follow the tier now.
    await this.retargetResponse();
    await setAttemptsDue(this.deps.db, {
      tenant_id: this.tenantId,
      lead_id: lead.leadId,
      owner_id: d.repId,
      attempts: lead.attempts,
      target: cadenceFor(policy, lead.score?.tier ?? null).attempts,
      next_attempt_due_at: d.responseDueAt,
      last_attempt_at: null,
      updated_at: d.at,
    });
  }

  private async onContactAttempted(d: Extract<LeadEvent, { type: 'LeadContactAttempted' }>['data']): Promise<void> {
    const lead = this.lead;
    await this.ctx.cancel(timerIds.responseWarning(lead.leadId, lead.assignmentNo));
    await this.ctx.cancel(timerIds.responseBreach(lead.leadId, lead.assignmentNo));
    const policy = await this.policy();
    const cadence = cadenceFor(policy, lead.score?.tier ?? null);
    if (d.outcome === 'reached' || d.attemptNo >= cadence.attempts) {
      await clearAttemptsDue(this.deps.db, this.tenantId, lead.leadId);
    } else {
      await setAttemptsDue(this.deps.db, {
        tenant_id: this.tenantId,
        lead_id: lead.leadId,
        owner_id: d.repId,
        attempts: d.attemptNo,
        target: cadence.attempts,
        next_attempt_due_at: addMinutes(d.at, cadence.gapMinutes),
        last_attempt_at: d.at,
        updated_at: d.at,
      });
    }
    await this.armRecycling(d.at);
  }

  private async onPooled(d: Extract<LeadEvent, { type: 'LeadPooled' }>['data']): Promise<void> {
    await clearAttemptsDue(this.deps.db, this.tenantId, this.lead.leadId);
    await this.schedule([
      archiveTimer({ leadId: d.leadId, progressNo: this.lead.progressNo, since: d.at }, await this.policy()),
    ]);
    if (d.method !== 'shark_tank') return;
    for (const repId of d.notifiedRepIds) {
      await this.notify(repId, 'pooled_shark_tank', 'is in the shark tank: the first rep to claim it gets it');
    }
  }

  private async onRecycled(d: Extract<LeadEvent, { type: 'LeadRecycled' }>['data']): Promise<void> {
    await clearAttemptsDue(this.deps.db, this.tenantId, this.lead.leadId);
    const policy = await this.policy();
    await this.schedule([archiveTimer({ leadId: d.leadId, progressNo: this.lead.progressNo, since: d.at }, policy)]);
    if (policy.recycle.onRecycle !== 'redistribute') return;
    const excluded = d.previousRepId
      ? [{ repId: d.previousRepId, reason: 'had it recycled for lack of progress' }]
      : [];
    await this.route('recycled', excluded);
  }

  private async onBreached(d: Extract<LeadEvent, { type: 'LeadResponseSlaBreached' }>['data']): Promise<void> {
    if (d.escalation !== 'reassign') {
      const manager = (await this.deps.directory.managerOf(this.tenantId, d.repId)) ?? SALES_MANAGERS;
      const also = d.escalation === 'notify_manager_and_reassign' ? '; it is being reassigned' : '';
      await this.notify(
        manager,
        'response_breached',
        `${d.repId} missed the first-contact target (due ${d.dueAt})${also}`,
      );
    }
    if (d.escalation === 'notify_manager') return;
    const current = this.history.current;
    const stillLate =
      current?.owner === d.repId && current.assignmentNo === d.assignmentNo && current.firstContactAt === null;
    if (!stillLate) return;
    await this.route('sla_breach', [{ repId: d.repId, reason: 'missed the first-contact target on this lead' }]);
  }

  /** Recycle timers from this progress on, while the lead is owned and worked. */
  private async armRecycling(since: string): Promise<void> {
    if (this.lead.owner === null || !RECYCLABLE.includes(this.lead.status)) return;
    const input = { leadId: this.lead.leadId, progressNo: this.lead.progressNo, since };
    await this.schedule(recycleTimers(input, await this.policy()));
  }

  private async schedule(timers: readonly TimerPlan[]): Promise<void> {
    for (const timer of timers) await this.ctx.schedule(timer);
  }

  private async notify(recipientId: string, kind: NotificationKind, what: string): Promise<void> {
    const at = (this.recorded.data as { readonly at?: unknown }).at;
    await recordNotification(this.deps.db, {
      causeId: this.recorded.id,
      tenantId: this.tenantId,
      recipientId,
      leadId: this.lead.leadId,
      kind,
      message: `Lead "${this.lead.profile.name}" ${what}`,
      at: typeof at === 'string' ? at : this.recorded.recordedAt.toISOString(),
    });
  }

  private cachedPolicy: ReturnType<typeof loadPolicy> | undefined;

  private async policy() {
    this.cachedPolicy ??= loadPolicy(this.deps.store, this.tenantId, policyTeamOf(this.lead));
    return (await this.cachedPolicy).policy;
  }
}

/** Whether the lead, as it stands now, still waits for what this trigger would do. */
function waitsForRouting(lead: Lead, trigger: DistributionTrigger): boolean {
  if (trigger === 'sla_breach') return true; // checked against the breach by the caller
  if (lead.owner !== null || lead.offer !== null) return false;
  return trigger === 'recycled' ? lead.status === 'recycled' : lead.status === 'new';
}

const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + Math.round(minutes * 60_000)).toISOString();
