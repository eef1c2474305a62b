import type { RecordedEvent } from '#ltc/event-store';
import {
  initialLeadState,
  parseLeadEvent,
  evolveLead,
  POOL_METHODS,
  type Lead,
  type LeadEvent,
  type LeadState,
} from '#ltc/leads/domain';
import type { SimulationOutcome, SimulationReplay, SimulationRequest } from '#ltc/platform';
import { distributeLead, type DistributionTrigger } from '../distribution/domain/distribute-lead.js';
import { TENANT_POLICY_TEAM, type DistributionPolicy } from '../distribution/domain/distribution-policy.js';
import { matchRoutingRule } from '../distribution/domain/routing-rules.js';
import { LEDGER_ENDINGS as ENDINGS, sequenceOf } from '../distribution/ledger/distribution-ledger.js';
import { leadFacts } from '../routing/lead-facts.js';
import { recordedNothingYet, type DistributionCase, type DistributionOutcome } from './distribution-case.js';
import { compareDistributions } from './distribution-comparison.js';
import { ReplayLedger } from './replay-ledger.js';
import { ReplayedPolicies } from './replay-policies.js';
import { ReplayedReps } from './replay-reps.js';

/** Events after which routing runs again for the lead: what a later routed assignment counts from. */
const ROUTING_TRIGGERS: ReadonlySet<string> = new Set([
  'LeadCaptured',
  'LeadScored',
  'LeadOfferDeclined',
  'LeadOfferExpired',
  'LeadRecycled',
  'LeadResponseSlaBreached',
  'LeadReactivated',
]);

const PUSHED: ReadonlySet<string> = new Set(['round_robin', 'top_producer', 'territory']);
const POOLED: ReadonlySet<string> = new Set(POOL_METHODS);

/**
 * Lead distribution replayed under a proposed policy. Each lead whose first distribution
 * falls in the period is decided again by the real `distributeLead`, over the reps as they
 * stood and their loads in the simulated world; everything else (later reassignments,
 * claims, recycling, closing) happens as recorded, so the loads follow both.
 */
export class DistributionReplay implements SimulationReplay {
  private readonly leads = new Map<string, Lead>();
  private readonly reps = new ReplayedReps();
  private readonly policies: ReplayedPolicies;
  private readonly ledger = new ReplayLedger();
  private readonly cases = new Map<string, DistributionCase>();
  private readonly waiting: DistributionCase[] = [];
  private readonly lastTrigger = new Map<string, bigint>();
  /** Seconds from assignment to first contact, per rep, as recorded: the behaviour a replay assumes. */
  private readonly responseSeconds = new Map<string, number[]>();
  private readonly team: string;
  private readonly from: string;
  private readonly to: string;

  constructor(private readonly request: SimulationRequest<DistributionPolicy>) {
    this.team = request.scope ?? TENANT_POLICY_TEAM;
    this.policies = new ReplayedPolicies(request.policy ? { team: this.team, policy: request.policy } : null);
    this.from = request.period.from.toISOString();
    this.to = request.period.to.toISOString();
  }

  apply(recorded: RecordedEvent): void {
    const at = occurredAt(recorded);
    // Facts of after the period do not change its answer (and what carries no time moves no lead).
    if (at === null || at >= this.to) return;
    if (this.reps.apply(recorded)) return this.routeWaiting(at, recorded.position);
    this.policies.apply(recorded);
    const event = parseLeadEvent(recorded);
    if (event) this.applyLead(event, recorded, at);
  }

  outcome(): SimulationOutcome {
    return compareDistributions([...this.cases.values()], {
      to: this.to,
      team: this.team,
      responseSeconds: this.responseSeconds,
      leadOf: (leadId) => this.leads.get(leadId),
    });
  }

  private applyLead(event: LeadEvent, recorded: RecordedEvent, at: string): void {
    const leadId = event.data.leadId;
    const before: LeadState = this.leads.get(leadId) ?? initialLeadState();
    const after = evolveLead(before, event);
    if (after.status === 'none') return;
    this.leads.set(leadId, after);
    if (ROUTING_TRIGGERS.has(event.type)) this.lastTrigger.set(leadId, recorded.position);
    if (event.type === 'LeadContactAttempted' && event.data.secondsSinceAssignment !== null) {
      const seconds = this.responseSeconds.get(event.data.repId) ?? [];
      seconds.push(event.data.secondsSinceAssignment);
      this.responseSeconds.set(event.data.repId, seconds);
    }
    if (event.type === 'LeadCaptured') this.captured(after, recorded, at);
    const found = this.cases.get(leadId);
    if (found?.episodeOpen) this.duringEpisode(found, event, recorded, at);
    else this.asRecorded(event, recorded, at);
    if (found) followFirstContact(found, event, after);
  }

  /** A new lead, unowned: routing decides on it now, by its team's policy. */
  private captured(lead: Lead, recorded: RecordedEvent, at: string): void {
    if (lead.owner !== null || lead.offer !== null || lead.status !== 'new') return;
    if (at < this.from) return;
    const team = lead.team ?? this.ruledTeam(lead) ?? TENANT_POLICY_TEAM;
    if (team !== this.team) return;
    const found: DistributionCase = {
      leadId: lead.leadId,
      team,
      actual: recordedNothingYet(),
      simulated: { outcome: 'waited', waitReason: null, owner: null, assignedAt: null, policy: null },
      episodeOpen: true,
      waiting: false,
    };
    this.cases.set(lead.leadId, found);
    this.decide(found, lead, 'new_lead', at, recorded.position);
  }

  private ruledTeam(lead: Lead): string | null {
    const rules = this.policies.rules;
    if (!rules) return null;
    const profile = lead.profile;
    const rule = matchRoutingRule(rules.rules, {
      source: profile.source,
      region: profile.region,
      industry: profile.industry ?? null,
    });
    return rule?.team ?? null;
  }

  private decide(found: DistributionCase, lead: Lead, trigger: DistributionTrigger, at: string, position: bigint) {
    const now = new Date(at);
    const { policy, version } = this.policies.inForce(found.team);
    const reps = this.reps.candidatesOf(found.team === TENANT_POLICY_TEAM ? null : found.team);
    const decision = distributeLead({
      lead: leadFacts(lead),
      policy,
      policyVersion: version,
      candidates: reps.map((rep) => ({ ...rep, load: this.ledger.loadOf(rep.repId, now) })),
      now,
      trigger,
      excluded: [],
      offers: { madeThisCycle: 0, nextRound: lead.offerRounds + 1 },
    });
    const simulated = found.simulated;
    simulated.policy = policy;
    const outcome: Record<typeof decision.kind, DistributionOutcome> = {
      assign: 'assigned',
      pool: 'pooled',
      offer: 'offered',
      manual: 'manual',
      unassignable: 'waited',
    };
    if (trigger === 'new_lead') simulated.outcome = outcome[decision.kind];
    if (decision.kind === 'unassignable') {
      simulated.waitReason ??= decision.deferral.reason;
      if (!found.waiting) this.waiting.push(found);
      found.waiting = true;
      return;
    }
    found.waiting = false;
    if (decision.kind !== 'assign') return;
    this.ledger.assign(found.leadId, decision.repId, at, sequenceOf(position));
    simulated.owner = decision.repId;
    simulated.assignedAt = at;
  }

  /** The record's own first routing of a case: noted, but the simulated world keeps its decision. */
  private duringEpisode(found: DistributionCase, event: LeadEvent, recorded: RecordedEvent, at: string): void {
    const actual = found.actual;
    const simulated = found.simulated;
    switch (event.type) {
      case 'LeadPooled':
        actual.outcome ??= 'pooled';
        return;
      case 'LeadOffered':
        actual.outcome ??= 'offered';
        return;
      case 'LeadRoutingDeferred':
        actual.outcome ??= 'waited';
        actual.waitReason ??= event.data.reason;
        return;
      case 'LeadAssigned': {
        const d = event.data;
        actual.outcome ??= PUSHED.has(d.method) ? 'assigned' : POOLED.has(d.method) ? 'pooled' : 'manual';
        Object.assign(actual, { firstOwner: d.repId, assignedAt: d.at, assignmentNo: d.assignmentNo });
        actual.dueAt = d.responseDueAt;
        found.episodeOpen = false;
        if (simulated.outcome === 'assigned' && simulated.owner !== null) {
          // The simulated decision lands when the real one did.
          simulated.assignedAt = d.at;
        } else if (!found.waiting && simulated.owner === null) {
          // Pooled, offered or left to a manager: whoever actually took it takes it, when they did.
          this.ledger.assign(found.leadId, d.repId, d.at, sequenceOf(recorded.position));
          simulated.owner = d.repId;
          simulated.assignedAt = d.at;
          simulated.policy = this.policies.inForce(found.team).policy;
        }
        return;
      }
      default: {
        const ending = ENDINGS[event.type];
        if (ending === undefined) return;
        found.episodeOpen = false;
        this.dropWaiting(found);
        this.endAssignment(found.leadId, ending, at, recorded.position);
      }
    }
  }

  /** Ownership as recorded: a later assignment or an ending moves the simulated ledger too. */
  private asRecorded(event: LeadEvent, recorded: RecordedEvent, at: string): void {
    if (event.type === 'LeadAssigned') {
      const d = event.data;
      const routed = PUSHED.has(d.method) ? this.lastTrigger.get(d.leadId) : undefined;
      this.ledger.assign(d.leadId, d.repId, d.at, sequenceOf(routed ?? recorded.position));
      return;
    }
    const ending = ENDINGS[event.type];
    if (ending !== undefined) this.endAssignment(event.data.leadId, ending, at, recorded.position);
  }

  private endAssignment(leadId: string, ending: string, at: string, position: bigint): void {
    if (this.ledger.close(leadId, ending) !== null) this.routeWaiting(at, position);
  }

  /** A rep got room or came back: leads waiting in the simulated world are routed again, oldest first. */
  private routeWaiting(at: string, position: bigint): void {
    for (const found of [...this.waiting]) {
      const lead = this.leads.get(found.leadId);
      if (!lead) continue;
      this.decide(found, lead, 'capacity_freed', at, position);
      if (!found.waiting) this.dropWaiting(found);
    }
  }

  private dropWaiting(found: DistributionCase): void {
    const index = this.waiting.indexOf(found);
    if (index >= 0) this.waiting.splice(index, 1);
    found.waiting = false;
  }
}

/** The record's first contact after the lead's first assignment, and a due time moved by its tier. */
function followFirstContact(found: DistributionCase, event: LeadEvent, lead: Lead): void {
  const actual = found.actual;
  if (actual.assignmentNo === null || lead.assignmentNo !== actual.assignmentNo) return;
  if (event.type === 'LeadResponseRetargeted' && actual.firstAttemptAt === null) {
    actual.dueAt = event.data.responseDueAt;
  }
  if (event.type === 'LeadContactAttempted') actual.firstAttemptAt ??= event.data.at;
}

/** The business time an event carries (the log's `recordedAt` is the machine's clock, not the business's). */
const TIME_FIELDS = ['at', 'capturedAt', 'changedAt', 'registeredAt', 'deactivatedAt', 'reactivatedAt', 'createdAt'];

function occurredAt(recorded: RecordedEvent): string | null {
  const data = recorded.data as Record<string, unknown> | null;
  for (const key of TIME_FIELDS) {
    const value = data?.[key];
    if (typeof value === 'string') return new Date(value).toISOString();
  }
  return null;
}
