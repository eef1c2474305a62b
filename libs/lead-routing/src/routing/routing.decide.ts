import type { ProcessManagerEffect } from '#ltc/projections';
import type { LeadEvent, Lead } from '#ltc/leads/domain';
import type { DistributionTrigger } from '../distribution/domain/distribute-lead.js';
import type { DistributionPolicy } from '../distribution/domain/distribution-policy.js';
import type { RoutingRulesState } from '../distribution/domain/routing-rules.js';
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

/** Who may not get the lead this time, and why (named in the decision's reason). */
export interface Exclusion {
  readonly repId: string;
  readonly reason: string;
}

/**
 * Run distribution for the lead (by its team's policy, over every rep's load in the
 * ledger) and send what it decides. Not a plain command: the decision reads and reserves
 * the ledger, one decision at a time, which the routing runner does (`routeLead`).
 */
export interface RouteEffect {
  readonly kind: 'route';
  readonly trigger: DistributionTrigger;
  /** The lead to route, as it stands now (with the team a routing rule just gave it). */
  readonly lead: Lead;
  readonly excluded: readonly Exclusion[];
}

export type RoutingEffect = ProcessManagerEffect | RouteEffect;

/** What routing knows when it decides on a lead event; loaded before, so the decision is pure. */
export interface RoutingView {
  /** The lead right after the event: the facts the event was about. */
  readonly asOf: Lead;
  /** The lead after everything appended since: whether it still needs what the event asked for. */
  readonly current: Lead | null;
  /** The team's distribution policy as it stood when the event was written. */
  readonly policy: DistributionPolicy;
  /** Whether routing ever decided anything for this lead (read for `LeadScored` only). */
  readonly routedBefore: boolean;
  /** The tenant's routing rules (read for the capture of a lead without a team only). */
  readonly rules: RoutingRulesState | null;
}

/** Statuses in which an idle lead is recycled (the lead decider's rule). */
const RECYCLABLE: readonly Lead['status'][] = ['assigned', 'working'];

/**
 * Lead routing's decision on one lead event, as data: which commands to send (keyed by the
 * event), which timers to set or cancel, and whether to route the lead. The clocks: the
 * response target (warn, breach, escalate), recycling of idle leads, archiving of unclaimed
 * ones, shotgun offer expiry. What routing keeps in its tables (ledger, attempts due,
 * notifications) is folded separately (`routing-state.ts`).
 */
export function decideRouting(event: LeadEvent, view: RoutingView): RoutingEffect[] {
  const { asOf: lead, policy } = view;
  switch (event.type) {
    case 'LeadCaptured': {
      // A new lead without a team gets one from the first routing rule it matches, then is routed by that team.
      const { team, effects } = assignTeam(lead, view.rules);
      return [...effects, ...route(view, 'new_lead', [], team)];
    }
    case 'LeadScored':
      // Scoring adjusts the response target to the tier. It routes only a lead nothing was decided
      // for yet (its capture was handled before routing existed, or its decision was refused).
      return [...retargetResponse(lead, policy), ...(view.routedBefore ? [] : route(view, 'new_lead'))];
    case 'LeadAssigned': {
      const d = event.data;
      const clock =
        lead.firstContactAt === null
          ? responseTimers({ ...d, assignedAt: d.at, escalation: policy.escalation }, policy)
          : [];
      // Scored before this assignment landed (routing decided on the unscored lead): follow the tier now.
      return [...schedule(clock), ...armRecycling(lead, d.at, policy), ...retargetResponse(lead, policy)];
    }
    case 'LeadContactAttempted':
      return [
        { kind: 'cancel', timerId: timerIds.responseWarning(lead.leadId, lead.assignmentNo) },
        { kind: 'cancel', timerId: timerIds.responseBreach(lead.leadId, lead.assignmentNo) },
        ...armRecycling(lead, event.data.at, policy),
      ];
    case 'LeadOffered':
      return schedule([offerExpiryTimer(event.data)]);
    case 'LeadOfferDeclined':
      return route(view, 'offer_declined');
    case 'LeadOfferExpired':
      return route(view, 'offer_expired');
    case 'LeadPooled':
      return schedule([
        archiveTimer({ leadId: lead.leadId, progressNo: lead.progressNo, since: event.data.at }, policy),
      ]);
    case 'LeadRecycled': {
      const d = event.data;
      const archive = schedule([
        archiveTimer({ leadId: lead.leadId, progressNo: lead.progressNo, since: d.at }, policy),
      ]);
      if (policy.recycle.onRecycle !== 'redistribute') return archive;
      const excluded = d.previousRepId
        ? [{ repId: d.previousRepId, reason: 'had it recycled for lack of progress' }]
        : [];
      return [...archive, ...route(view, 'recycled', excluded)];
    }
    case 'LeadResponseSlaBreached': {
      const d = event.data;
      if (d.escalation === 'notify_manager') return [];
      const current = view.current;
      const stillLate =
        current?.owner === d.repId && current.assignmentNo === d.assignmentNo && current.firstContactAt === null;
      if (!stillLate) return [];
      return route(view, 'sla_breach', [{ repId: d.repId, reason: 'missed the first-contact target on this lead' }]);
    }
    case 'LeadResponseRetargeted':
      return followRetargetedClock(event.data, { asOf: lead, current: view.current, policy });
    case 'LeadReactivated':
      return lead.owner === null ? route(view, 'reactivated') : armRecycling(lead, event.data.at, policy);
    default:
      return [];
  }
}

/** Routes the lead if, as it stands now, it still waits for what this trigger would do. */
function route(
  view: RoutingView,
  trigger: DistributionTrigger,
  excluded: readonly Exclusion[] = [],
  team: string | null = null,
): RouteEffect[] {
  const current = view.current;
  if (!current || !waitsForRouting(current, trigger)) return [];
  const lead = team !== null && current.team === null ? { ...current, team } : current;
  return [{ kind: 'route', trigger, lead, excluded }];
}

/** Whether the lead, as it stands now, still waits for what this trigger would do. */
function waitsForRouting(lead: Lead, trigger: DistributionTrigger): boolean {
  if (trigger === 'sla_breach') return true; // checked against the breach by the caller
  if (lead.owner !== null || lead.offer !== null) return false;
  return trigger === 'recycled' ? lead.status === 'recycled' : lead.status === 'new';
}

/** Recycle timers from this progress on, while the lead is owned and worked. */
function armRecycling(lead: Lead, since: string, policy: DistributionPolicy): ProcessManagerEffect[] {
  if (lead.owner === null || !RECYCLABLE.includes(lead.status)) return [];
  return schedule(recycleTimers({ leadId: lead.leadId, progressNo: lead.progressNo, since }, policy));
}

const schedule = (timers: readonly TimerPlan[]): ProcessManagerEffect[] =>
  timers.map((timer) => ({ kind: 'schedule', timer }));
