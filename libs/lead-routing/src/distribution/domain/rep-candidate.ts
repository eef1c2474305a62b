import type { LeadDirection, Tier, LeadSource } from '#ltc/leads/domain';
import { dealSizeBandOf, type DealSizeBandLimits } from './distribution-policy.js';
import { SALES_ROLES, hasSalesRole } from './lead-owner-rule.js';

/** What distribution needs to know about a lead. Unknown attributes are null. */
export interface LeadForDistribution {
  readonly leadId: string;
  readonly source: LeadSource;
  readonly direction: LeadDirection | null;
  readonly tier: Tier | null;
  /** The scoring model's response target for the tier; null while unscored. */
  readonly scoredTargetSeconds?: number | null;
  readonly region: string | null;
  readonly language: string | null;
  readonly industry: string | null;
  readonly estimatedDealSize: number | null;
}

export type RepAvailability =
  { readonly status: 'active' } | { readonly status: 'away'; readonly until: string | null };

/** Where a rep may get leads; an empty list means "any". */
export interface RepTerritories {
  readonly regions: readonly string[];
  readonly languages: readonly string[];
  readonly industries: readonly string[];
  readonly dealSizeBands: readonly string[];
}

/** A rep's current load, counted exactly from the distribution ledger. */
export interface RepLoad {
  readonly openLeads: number;
  readonly assignedToday: number;
  readonly lastAssignedAt: string | null;
  /** Sorts in the order assignments were made (null = never assigned); breaks ties of equal times. */
  readonly lastAssignedSeq: string | null;
  /** Leads assigned in the trailing performance window, and how many of those converted. */
  readonly recentAssigned: number;
  readonly recentConverted: number;
}

/** A rep distribution may consider: from the rep directory, with the ledger's load. */
export interface RepCandidate {
  readonly repId: string;
  readonly active: boolean;
  /** Iron-triangle roles; absent = a sales rep. Only AR and SR sell. */
  readonly roles?: readonly string[];
  readonly availability: RepAvailability;
  readonly territories: RepTerritories;
  readonly capacity: { readonly maxOpenLeads: number; readonly dailyQuota: number };
  readonly load: RepLoad;
}

export const NO_LOAD: RepLoad = {
  openLeads: 0,
  assignedToday: 0,
  lastAssignedAt: null,
  lastAssignedSeq: null,
  recentAssigned: 0,
  recentConverted: 0,
};

/** What keeps a rep from a lead, as a kind (for summaries such as "all at capacity") and a sentence. */
export type BlockerKind = 'excluded' | 'inactive' | 'no_sales_role' | 'away' | 'capacity' | 'territory';

export interface Blocker {
  readonly kind: BlockerKind;
  readonly text: string;
}

/**
 * Why a rep cannot take the lead now, every reason at once (empty = eligible): excluded
 * for this decision, deactivated, away, at capacity, over the daily quota, or (for
 * pull methods) at the claim cap.
 */
export function blockersOf(
  rep: RepCandidate,
  context: { readonly now: Date; readonly excluded: ReadonlyMap<string, string>; readonly claimCap?: number },
): string[] {
  return blockingFacts(rep, context).map((blocker) => blocker.text);
}

/** {@link blockersOf} with the kind of each reason. */
export function blockingFacts(
  rep: RepCandidate,
  context: { readonly now: Date; readonly excluded: ReadonlyMap<string, string>; readonly claimCap?: number },
): Blocker[] {
  const reasons: Blocker[] = [];
  const add = (kind: BlockerKind, text: string) => reasons.push({ kind, text });
  const excluded = context.excluded.get(rep.repId);
  if (excluded !== undefined) add('excluded', excluded);
  if (!rep.active) add('inactive', 'inactive (deactivated)');
  if (rep.roles !== undefined && !hasSalesRole({ roles: rep.roles })) {
    add('no_sales_role', `no sales role (${SALES_ROLES.join(' or ')})`);
  }
  const away = awayReason(rep.availability, context.now);
  if (away) add('away', away);
  const { openLeads, assignedToday } = rep.load;
  if (openLeads >= rep.capacity.maxOpenLeads) {
    add('capacity', `at capacity ${openLeads}/${rep.capacity.maxOpenLeads} open leads`);
  }
  if (rep.capacity.dailyQuota > 0 && assignedToday >= rep.capacity.dailyQuota) {
    add('capacity', `daily quota reached ${assignedToday}/${rep.capacity.dailyQuota} today`);
  }
  if (context.claimCap !== undefined && openLeads >= context.claimCap) {
    add('capacity', `at the claim cap ${openLeads}/${context.claimCap} open leads`);
  }
  return reasons;
}

/** Away with no return date, or a return date still ahead; null when available. */
function awayReason(availability: RepAvailability, now: Date): string | null {
  if (availability.status === 'active') return null;
  if (availability.until === null) return 'away (no return date)';
  return Date.parse(availability.until) > now.getTime() ? `away until ${availability.until}` : null;
}

/**
 * Where the lead falls outside the rep's territories (empty = inside). A territory
 * list that is empty means "any"; a lead attribute that is unknown excludes nobody.
 */
export function territoryMismatches(rep: RepCandidate, lead: LeadForDistribution, bands: DealSizeBandLimits): string[] {
  const t = rep.territories;
  const mismatches: string[] = [];
  const check = (
    label: string,
    value: string | null,
    allowed: readonly string[],
    matches: (a: string, v: string) => boolean,
  ) => {
    if (value === null || allowed.length === 0) return;
    if (!allowed.some((a) => matches(norm(a), norm(value)))) {
      mismatches.push(`${label} ${value} does not match territory ${allowed.join(', ')}`);
    }
  };
  check('region', lead.region, t.regions, (a, v) => a === v);
  // A rep speaking `en` serves a lead in `en-GB`.
  check('language', lead.language, t.languages, (a, v) => a === v || v.startsWith(`${a}-`));
  check('industry', lead.industry, t.industries, (a, v) => a === v);
  const band = dealSizeBandOf(bands, lead.estimatedDealSize);
  if (band !== null && t.dealSizeBands.length > 0 && !t.dealSizeBands.includes(band)) {
    mismatches.push(
      `deal size ${String(lead.estimatedDealSize)} (${band}) does not match territory ${t.dealSizeBands.join(', ')}`,
    );
  }
  return mismatches;
}

/**
 * The territory dimensions in which the rep is a specialist for this lead: the rep's list
 * names the lead's value (an "any" list, or an unknown lead attribute, is no match). Call
 * it for a rep without {@link territoryMismatches}; the longer the list, the better the fit.
 */
export function territorySpecialties(
  rep: RepCandidate,
  lead: LeadForDistribution,
  bands: DealSizeBandLimits,
): string[] {
  const t = rep.territories;
  const named = (value: string | null, allowed: readonly string[]) => value !== null && allowed.length > 0;
  const dimensions: string[] = [];
  if (named(lead.region, t.regions)) dimensions.push('region');
  if (named(lead.language, t.languages)) dimensions.push('language');
  if (named(lead.industry, t.industries)) dimensions.push('industry');
  if (named(dealSizeBandOf(bands, lead.estimatedDealSize), t.dealSizeBands)) dimensions.push('deal size');
  return dimensions;
}

const norm = (value: string): string => value.trim().toLowerCase();

/** Least recently assigned first (never assigned before everyone), ties by rep id. */
export function byLeastRecentlyAssigned(a: RepCandidate, b: RepCandidate): number {
  const sa = a.load.lastAssignedSeq;
  const sb = b.load.lastAssignedSeq;
  if (sa !== sb) {
    if (sa === null) return -1;
    if (sb === null) return 1;
    return sa < sb ? -1 : 1;
  }
  return a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0;
}

/** "3/20 open, 1 today": a rep's load in a few words. */
export function loadSummary(rep: RepCandidate): string {
  const quota = rep.capacity.dailyQuota > 0 ? `/${rep.capacity.dailyQuota}` : '';
  return `${rep.load.openLeads}/${rep.capacity.maxOpenLeads} open, ${rep.load.assignedToday}${quota} today`;
}
