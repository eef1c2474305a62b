import {
  type LeadSource,
  type AssignmentMethod,
  type Escalation,
  type LeadDirection,
  type PoolMethod,
  type Tier,
  POOL_METHODS,
  PUSH_METHODS,
  type PushMethod,
} from '#ltc/leads/domain';

/**
 * The nine distribution methods (docs/domain.md › Leads › Distribution methods); `hybrid` picks one of
 * the other eight per lead.
 */
export const DISTRIBUTION_METHODS = [
  'round_robin',
  'top_producer',
  'territory',
  'cherry_pick',
  'blind_pull',
  'shark_tank',
  'shotgun',
  'manual',
  'hybrid',
] as const;
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

/** A method that decides by itself (everything but `hybrid`). */
export type ConcreteMethod = AssignmentMethod;
export const CONCRETE_METHODS: readonly ConcreteMethod[] = DISTRIBUTION_METHODS.filter(
  (m): m is ConcreteMethod => m !== 'hybrid',
);

export const isPushMethod = (method: ConcreteMethod): method is PushMethod =>
  (PUSH_METHODS as readonly string[]).includes(method);
export const isPoolMethod = (method: ConcreteMethod): method is PoolMethod =>
  (POOL_METHODS as readonly string[]).includes(method);

/** Hybrid distribution: a method per source, else per direction (e.g. push inbound, pull outbound), else `default`. */
export interface HybridRules {
  readonly bySource: Partial<Record<LeadSource, ConcreteMethod>>;
  readonly inbound: ConcreteMethod | null;
  readonly outbound: ConcreteMethod | null;
  readonly default: ConcreteMethod;
}

/**
 * Seconds from assignment to the first contact attempt. When a tier and a source
 * override both apply, the tighter one wins; with none, `default` (the five-minute
 * rule of docs/domain.md › Leads › Speed and persistence: 300).
 */
export interface ResponseTargets {
  readonly default: number;
  readonly byTier: Partial<Record<Tier, number>>;
  readonly bySource: Partial<Record<LeadSource, number>>;
}

/** How persistently a tier is worked: how many contact attempts, and the gap between two. */
export interface CadenceRule {
  readonly attempts: number;
  readonly gapMinutes: number;
}

/**
 * Unworked leads go back to the pool: after `idleDays` without progress the lead is
 * recycled (its owner warned `warnDaysBefore` earlier); a lead left in the pool for
 * `archiveAfterDays` is archived. Fractions of days are allowed (tests use seconds).
 * `onRecycle`: `pool` leaves a recycled lead in the pool for anyone to claim;
 * `redistribute` runs the policy's method again, never back to the previous owner.
 */
export interface RecycleRules {
  readonly idleDays: number;
  readonly warnDaysBefore: number;
  readonly archiveAfterDays: number;
  readonly onRecycle: 'pool' | 'redistribute';
}

/** Lower bounds of the deal-size bands reps' territories name (`small` starts at 0). */
export interface DealSizeBandLimits {
  readonly medium: number;
  readonly large: number;
  readonly enterprise: number;
}

/** How one team's leads are distributed and worked. */
export interface DistributionPolicy {
  readonly method: DistributionMethod;
  /** Used when `method` is `hybrid`; kept (inactive) otherwise. */
  readonly hybrid: HybridRules | null;
  /** Shotgun: how long one rep has to accept an offer. */
  readonly offerTimeoutSeconds: number;
  /** Shotgun: offers per lead before it falls back to the pool. */
  readonly maxOfferRounds: number;
  /** Pull methods: most open leads a rep may hold and still claim another. */
  readonly claimCapPerRep: number;
  readonly responseTargetSeconds: ResponseTargets;
  /** The owner is warned when this share of the response target has passed. */
  readonly warningPercent: number;
  /** What happens when the response target passes without a first contact. */
  readonly escalation: Escalation;
  readonly cadence: Readonly<Record<Tier, CadenceRule>>;
  readonly recycle: RecycleRules;
  readonly dealSizeBands: DealSizeBandLimits;
}

/**
 * The policy of a team (or tenant) that never saved one: round robin, 5-minute first
 * contact warned at 80 %, the manager notified on a breach, 6/4/2 attempts for tiers
 * A/B/C, recycled after 14 idle days (warned 2 days before) and archived after 30 in the pool.
 */
export const DEFAULT_DISTRIBUTION_POLICY: DistributionPolicy = {
  method: 'round_robin',
  hybrid: null,
  offerTimeoutSeconds: 120,
  maxOfferRounds: 5,
  claimCapPerRep: 25,
  responseTargetSeconds: { default: 300, byTier: {}, bySource: {} },
  warningPercent: 80,
  escalation: 'notify_manager',
  cadence: {
    A: { attempts: 6, gapMinutes: 240 },
    B: { attempts: 4, gapMinutes: 1440 },
    C: { attempts: 2, gapMinutes: 2880 },
  },
  recycle: { idleDays: 14, warnDaysBefore: 2, archiveAfterDays: 30, onRecycle: 'pool' },
  dealSizeBands: { medium: 10_000, large: 100_000, enterprise: 1_000_000 },
};

/** The team id whose policy covers every lead of a tenant (leads carry no team yet). */
export const TENANT_POLICY_TEAM = 'default';

/** The tier an unscored lead is worked as. */
export const UNSCORED_TIER: Tier = 'B';

/** What the policy needs to know about a lead. */
export interface LeadRoutingFacts {
  readonly source: LeadSource;
  readonly direction?: LeadDirection | null | undefined;
  readonly tier: Tier | null;
  /** The scoring model's response target for the lead's tier; null while unscored. */
  readonly scoredTargetSeconds?: number | null;
}

/** The direction of a lead: as captured, else outbound for sales-generated leads, else inbound. */
export function directionOf(lead: LeadRoutingFacts): LeadDirection {
  if (lead.direction) return lead.direction;
  return lead.source === 'sales_generated' ? 'outbound' : 'inbound';
}

/** The method that decides this lead, and how hybrid got there (null when not hybrid). */
export function resolveMethod(
  policy: DistributionPolicy,
  lead: LeadRoutingFacts,
): { readonly method: ConcreteMethod; readonly via: string | null } {
  if (policy.method !== 'hybrid') return { method: policy.method, via: null };
  const rules = policy.hybrid ?? { bySource: {}, inbound: null, outbound: null, default: 'round_robin' };
  const bySource = rules.bySource[lead.source];
  if (bySource) return { method: bySource, via: `hybrid: source ${lead.source}` };
  const direction = directionOf(lead);
  const byDirection = rules[direction];
  if (byDirection) return { method: byDirection, via: `hybrid: ${direction}` };
  return { method: rules.default, via: 'hybrid: default' };
}

/**
 * Seconds to the first contact for a lead assigned now. The team's policy gives the
 * tighter of the tier and source overrides that apply, else its default; the scoring
 * model's target for the lead's tier (five minutes for tier A by default) can make it
 * tighter still, never looser, so a manager's short default is never relaxed by a low tier.
 */
export function responseTargetFor(policy: DistributionPolicy, lead: LeadRoutingFacts): number {
  const targets = policy.responseTargetSeconds;
  const overrides = [lead.tier ? targets.byTier[lead.tier] : undefined, targets.bySource[lead.source]].filter(
    (value): value is number => value !== undefined,
  );
  const byPolicy = overrides.length > 0 ? Math.min(...overrides) : targets.default;
  const byModel = lead.scoredTargetSeconds;
  return byModel !== null && byModel !== undefined ? Math.min(byPolicy, byModel) : byPolicy;
}

/** The contact cadence of a lead's tier (unscored leads are worked as tier B). */
export function cadenceFor(policy: DistributionPolicy, tier: Tier | null): CadenceRule {
  return policy.cadence[tier ?? UNSCORED_TIER];
}

/** The deal-size band of an estimated deal size, or null when unknown. */
export function dealSizeBandOf(
  limits: DealSizeBandLimits,
  size: number | null | undefined,
): 'small' | 'medium' | 'large' | 'enterprise' | null {
  if (size === null || size === undefined) return null;
  if (size >= limits.enterprise) return 'enterprise';
  if (size >= limits.large) return 'large';
  if (size >= limits.medium) return 'medium';
  return 'small';
}

export const MS_PER_DAY = 86_400_000;

/** A number of (possibly fractional) days in whole milliseconds. */
export const daysToMs = (days: number): number => Math.round(days * MS_PER_DAY);
