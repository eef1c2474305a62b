import type { AssignmentCandidate, PoolMethod, PushMethod } from '#ltc/leads/domain';
import {
  isPoolMethod,
  resolveMethod,
  responseTargetFor,
  type ConcreteMethod,
  type DistributionPolicy,
} from './distribution-policy.js';
import {
  blockersOf,
  blockingFacts,
  byLeastRecentlyAssigned,
  loadSummary,
  territoryMismatches,
  territorySpecialties,
  type Blocker,
  type LeadForDistribution,
  type RepCandidate,
} from './rep-candidate.js';
import { deferralOf, type RoutingDeferral } from './routing-deferral.js';
import { pickTopProducer } from './top-producer.js';

/** Why distribution runs: a lead arrived, came back, lost its owner, or an offer ended. */
export type DistributionTrigger =
  | 'new_lead'
  | 'recycled'
  | 'reactivated'
  | 'sla_breach'
  | 'offer_declined'
  | 'offer_expired'
  | 'owner_deactivated'
  /** The lead waited for routing (nobody could take it) and a rep has room or is back. */
  | 'capacity_freed';

/** Triggers for a lead that still has its owner while it is redistributed. */
const OWNED_TRIGGERS: readonly DistributionTrigger[] = ['sla_breach', 'owner_deactivated'];

export interface DistributionRequest {
  readonly lead: LeadForDistribution;
  readonly policy: DistributionPolicy;
  /** The saved policy's version; null for the built-in default. */
  readonly policyVersion: number | null;
  readonly candidates: readonly RepCandidate[];
  readonly now: Date;
  readonly trigger: DistributionTrigger;
  /** Reps who must not get the lead this time, and why (the owner who missed the SLA, reps already offered it). */
  readonly excluded?: readonly { readonly repId: string; readonly reason: string }[];
  /** Shotgun: offers made since the lead last entered distribution, and the next round's number. */
  readonly offers?: { readonly madeThisCycle: number; readonly nextRound: number };
}

interface Explained {
  readonly reason: string;
  /** One line per candidate, in rep id order: eligible or not, chosen or not, and why. */
  readonly candidates: readonly AssignmentCandidate[];
}

/** What distribution decided. */
export type DistributionDecision =
  | (Explained & {
      readonly kind: 'assign';
      readonly method: PushMethod;
      readonly repId: string;
      readonly responseTargetSeconds: number;
    })
  | (Explained & { readonly kind: 'pool'; readonly method: PoolMethod; readonly notifiedRepIds: readonly string[] })
  | (Explained & {
      readonly kind: 'offer';
      readonly offerId: string;
      readonly repId: string;
      readonly round: number;
      readonly expiresAt: string;
    })
  | (Explained & { readonly kind: 'manual' })
  | (Explained & {
      readonly kind: 'unassignable';
      readonly method: ConcreteMethod;
      /** Why nobody could take it, summarised: the lead waits in the unassigned queue with it. */
      readonly deferral: RoutingDeferral;
    });

/**
 * Decides who gets a lead, and explains the decision for every candidate. Pure:
 * the same request always gives the same decision. Never picks a rep who is inactive,
 * away, at capacity or over the daily quota.
 */
export function distributeLead(request: DistributionRequest): DistributionDecision {
  const resolved = resolveMethod(request.policy, request.lead);
  let method = resolved.method;
  const notes: string[] = [];
  if (resolved.via) notes.push(`${resolved.via} → ${label(method)}`);
  if (request.trigger === 'owner_deactivated') notes.push('owner_deactivated: its owner was deactivated');
  if (request.trigger === 'capacity_freed') notes.push('capacity_freed: it waited until a rep had room');
  if (OWNED_TRIGGERS.includes(request.trigger) && method === 'shotgun') {
    // The lead still has its (late) owner, and an owned lead cannot be offered.
    method = 'round_robin';
    notes.push('an owned lead cannot be offered, so it is reassigned by round robin');
  }
  const version = request.policyVersion === null ? 'default policy' : `policy v${request.policyVersion}`;
  const prefix = `${label(method)} (${[version, ...notes].join('; ')})`;
  if (method === 'manual') return manual(request, prefix);
  if (isPoolMethod(method)) return pool(request, method, prefix);
  if (method === 'shotgun') return offer(request, prefix);
  return push(request, method, prefix);
}

function push(request: DistributionRequest, method: PushMethod, prefix: string): DistributionDecision {
  const { lead, policy, now } = request;
  const excluded = exclusions(request);
  const lines = new Map<string, AssignmentCandidate>();
  const eligible: RepCandidate[] = [];
  const blocked: { readonly blockers: readonly Blocker[] }[] = [];
  for (const rep of sorted(request.candidates)) {
    const blockers = blockingFacts(rep, { now, excluded });
    if (method === 'territory') {
      const mismatches = territoryMismatches(rep, lead, policy.dealSizeBands);
      blockers.push(...mismatches.map((text) => ({ kind: 'territory' as const, text })));
    }
    if (blockers.length === 0) eligible.push(rep);
    else {
      blocked.push({ blockers });
      lines.set(rep.repId, line(rep, false, false, blockers.map((b) => b.text).join('; ')));
    }
  }
  const pick =
    method === 'top_producer'
      ? pickTopProducer(eligible)
      : method === 'territory'
        ? pickSpecialist(eligible, lead, policy)
        : pickRoundRobin(eligible);
  if (!pick) {
    return {
      kind: 'unassignable',
      method,
      reason: `${prefix}: no eligible rep among ${request.candidates.length}; it waits until one has room`,
      candidates: inOrder(request.candidates, lines),
      deferral: deferralOf(blocked),
    };
  }
  for (const rep of eligible) {
    const why = pick.reasons.get(rep.repId) ?? '';
    lines.set(rep.repId, line(rep, true, rep.repId === pick.chosen.repId, `eligible (${loadSummary(rep)}); ${why}`));
  }
  const matching = method === 'territory' ? ' in a matching territory' : '';
  return {
    kind: 'assign',
    method,
    repId: pick.chosen.repId,
    responseTargetSeconds: responseTargetFor(policy, lead),
    reason:
      `${prefix}: ${pick.chosen.repId} ${pick.summary} among ${eligible.length} eligible rep(s)${matching} ` +
      `of ${request.candidates.length}`,
    candidates: inOrder(request.candidates, lines),
  };
}

interface Pick {
  readonly chosen: RepCandidate;
  readonly summary: string;
  readonly reasons: ReadonlyMap<string, string>;
}

/** Round robin: the least recently assigned eligible rep, ties by rep id. */
function pickRoundRobin(eligible: readonly RepCandidate[]): Pick | undefined {
  const ordered = [...eligible].sort(byLeastRecentlyAssigned);
  const chosen = ordered[0];
  if (!chosen) return undefined;
  const last = chosen.load.lastAssignedAt;
  const reasons = new Map<string, string>();
  for (const rep of ordered) {
    if (rep === chosen) {
      reasons.set(rep.repId, last ? `least recently assigned (last ${last})` : 'never assigned a lead before');
    } else if (rep.load.lastAssignedAt !== null) {
      reasons.set(rep.repId, `assigned more recently (last ${rep.load.lastAssignedAt})`);
    } else {
      reasons.set(rep.repId, `never assigned either; ${chosen.repId} comes first by rep id`);
    }
  }
  return { chosen, summary: 'was least recently assigned', reasons };
}

/**
 * Territory: the specialist first. Among the eligible reps, those whose territories name
 * the most of the lead's attributes (region, language, industry, deal size) compete, by
 * round robin; a rep who covers "any" territory gets the lead only when no specialist can.
 */
function pickSpecialist(
  eligible: readonly RepCandidate[],
  lead: LeadForDistribution,
  policy: DistributionPolicy,
): Pick | undefined {
  const specialties = new Map(
    eligible.map((rep) => [rep.repId, territorySpecialties(rep, lead, policy.dealSizeBands)]),
  );
  const depth = (rep: RepCandidate) => specialties.get(rep.repId)?.length ?? 0;
  const best = Math.max(0, ...eligible.map(depth));
  const pick = pickRoundRobin(eligible.filter((rep) => depth(rep) === best));
  if (!pick) return undefined;
  const describe = (rep: RepCandidate) => {
    const matched = specialties.get(rep.repId) ?? [];
    return matched.length > 0 ? matched.join(', ') : 'any territory';
  };
  const top = `most specific territory match (${describe(pick.chosen)})`;
  const reasons = new Map<string, string>();
  for (const rep of eligible) {
    if (depth(rep) < best) reasons.set(rep.repId, `less specific territory match (${describe(rep)})`);
    else reasons.set(rep.repId, `${top}; ${pick.reasons.get(rep.repId) ?? ''}`);
  }
  return { chosen: pick.chosen, summary: `has the ${top} and ${pick.summary}`, reasons };
}

function pool(request: DistributionRequest, method: PoolMethod, prefix: string): DistributionDecision {
  const { now, policy } = request;
  const excluded = exclusions(request);
  const lines = new Map<string, AssignmentCandidate>();
  const able: string[] = [];
  const notify = method === 'shark_tank';
  for (const rep of sorted(request.candidates)) {
    const blockers = blockersOf(rep, { now, excluded, claimCap: policy.claimCapPerRep });
    if (blockers.length > 0) {
      lines.set(rep.repId, line(rep, false, false, blockers.join('; ')));
      continue;
    }
    able.push(rep.repId);
    const what = notify ? 'notified; the first to claim wins' : 'may claim it from the pool';
    lines.set(rep.repId, line(rep, true, false, `eligible (${loadSummary(rep)}); ${what}`));
  }
  const how: Record<PoolMethod, string> = {
    cherry_pick: `in the pool for reps to pick; ${able.length} rep(s) may claim it`,
    blind_pull: `in the pool for the next rep who pulls; ${able.length} rep(s) may pull it`,
    shark_tank: `${able.length} rep(s) notified; the first to claim wins`,
  };
  return {
    kind: 'pool',
    method,
    notifiedRepIds: notify ? able : [],
    reason: `${prefix}: ${how[method]}`,
    candidates: inOrder(request.candidates, lines),
  };
}

/** Shotgun: the next eligible rep in rotation who has not been offered the lead in this cycle. */
function offer(request: DistributionRequest, prefix: string): DistributionDecision {
  const { now, policy, lead } = request;
  const offers = request.offers ?? { madeThisCycle: 0, nextRound: 1 };
  if (offers.madeThisCycle >= policy.maxOfferRounds) {
    return poolAfterShotgun(
      request,
      `${prefix}: offered ${offers.madeThisCycle} time(s) without an acceptance (at most ${policy.maxOfferRounds})`,
    );
  }
  const excluded = exclusions(request);
  const lines = new Map<string, AssignmentCandidate>();
  const eligible: RepCandidate[] = [];
  for (const rep of sorted(request.candidates)) {
    const blockers = blockersOf(rep, { now, excluded });
    if (blockers.length > 0) lines.set(rep.repId, line(rep, false, false, blockers.join('; ')));
    else eligible.push(rep);
  }
  const [chosen, ...rest] = [...eligible].sort(byLeastRecentlyAssigned);
  if (!chosen) return poolAfterShotgun(request, `${prefix}: nobody left to offer it to`);
  const expiresAt = new Date(now.getTime() + policy.offerTimeoutSeconds * 1000).toISOString();
  const round = offers.nextRound;
  lines.set(
    chosen.repId,
    line(chosen, true, true, `eligible (${loadSummary(chosen)}); next in rotation: offered in round ${round}`),
  );
  for (const rep of rest) {
    lines.set(rep.repId, line(rep, true, false, `eligible (${loadSummary(rep)}); later in the rotation`));
  }
  return {
    kind: 'offer',
    offerId: `${lead.leadId}:${round}`,
    repId: chosen.repId,
    round,
    expiresAt,
    reason: `${prefix}: offered to ${chosen.repId} (round ${round}) until ${expiresAt}`,
    candidates: inOrder(request.candidates, lines),
  };
}

/** Shotgun that found no taker: the lead goes to the pool, where anyone with room may cherry-pick it. */
function poolAfterShotgun(request: DistributionRequest, why: string): DistributionDecision {
  const pooled = pool(request, 'cherry_pick', 'shotgun');
  return { ...pooled, reason: `${why}; put in the pool for reps to pick` };
}

function manual(request: DistributionRequest, prefix: string): DistributionDecision {
  const excluded = exclusions(request);
  const lines = new Map<string, AssignmentCandidate>();
  for (const rep of sorted(request.candidates)) {
    const blockers = blockersOf(rep, { now: request.now, excluded });
    const eligible = blockers.length === 0;
    const reason = eligible ? `eligible (${loadSummary(rep)}); left for a manager to choose` : blockers.join('; ');
    lines.set(rep.repId, line(rep, eligible, false, reason));
  }
  return {
    kind: 'manual',
    reason: `${prefix}: waiting for a manager to assign it`,
    candidates: inOrder(request.candidates, lines),
  };
}

function exclusions(request: DistributionRequest): Map<string, string> {
  return new Map((request.excluded ?? []).map((e) => [e.repId, e.reason]));
}

const sorted = (candidates: readonly RepCandidate[]): RepCandidate[] =>
  [...candidates].sort((a, b) => (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));

function inOrder(
  candidates: readonly RepCandidate[],
  lines: ReadonlyMap<string, AssignmentCandidate>,
): AssignmentCandidate[] {
  return sorted(candidates).flatMap((rep) => {
    const found = lines.get(rep.repId);
    return found ? [found] : [];
  });
}

const line = (rep: RepCandidate, eligible: boolean, chosen: boolean, reason: string): AssignmentCandidate => ({
  repId: rep.repId,
  eligible,
  chosen,
  reason,
});

const label = (method: string): string => method.replace(/_/g, ' ');
