import { INTERACTION_KINDS, type InteractionKind, type LeadSource, type Tier, TIERS } from '#ltc/leads/domain';

export type { LeadSource };

/** Lead attributes a fit rule can look at ("who they are"). */
export const FIT_FIELDS = [
  'source',
  'region',
  'language',
  'industry',
  'dealSize',
  'company',
  'email',
  'phone',
  'tag',
] as const;
export type FitField = (typeof FIT_FIELDS)[number];

/** How a fit rule compares the field with its value. Text compares ignore case and surrounding spaces. */
export const FIT_OPS = ['equals', 'in', 'gte', 'lte', 'present', 'absent', 'contains'] as const;
export type FitOp = (typeof FIT_OPS)[number];

/** Interactions a behaviour rule can count ("what they did") and the priority tiers: the lead's own words. */
export { INTERACTION_KINDS, TIERS, type InteractionKind, type Tier };

export type FitValue = string | number | readonly (string | number)[];

/**
 * Points for a lead whose attribute matches. `value` is a text (or a number for
 * `dealSize`) for `equals`/`contains`, a list for `in`, a number for `gte`/`lte`, and
 * absent for `present`/`absent`. On `tag` the rule matches when any of the lead's tags does.
 */
export type FitRule = {
  readonly id: string;
  readonly label: string;
  readonly field: FitField;
  readonly op: FitOp;
  readonly value?: FitValue;
  readonly points: number;
};

/**
 * `points` for each matching interaction, counted at most `maxCount` times, and only
 * within the last `withinDays` days when set (intent fades).
 */
export type BehaviourRule = {
  readonly id: string;
  readonly label: string;
  readonly interaction: InteractionKind;
  readonly points: number;
  readonly maxCount: number;
  readonly withinDays?: number;
};

/**
 * Points from the lead's source: its lead → opportunity conversion rate times `weight`
 * (the points a source converting 100% would get). The tenant's measured rate counts
 * once a source has brought `minLeadsForMeasuredRate` leads; before that the default.
 */
export type SourcePrior = {
  readonly weight: number;
  readonly defaultRates: Partial<Record<LeadSource, number>>;
  readonly minLeadsForMeasuredRate: number;
};

/** How a tier is worked: the score it starts at, how often to try, how fast to respond. */
export type TierPolicy = {
  readonly minScore: number;
  readonly attemptTarget: number;
  readonly responseTargetSeconds: number;
};

export type TierPolicies = { readonly [T in Tier]: TierPolicy };

/** The rules of a scoring model, without its version: what a manager submits. */
export type ScoringModelDefinition = {
  readonly fitRules: readonly FitRule[];
  readonly behaviourRules: readonly BehaviourRule[];
  readonly sourcePrior: SourcePrior;
  readonly tiers: TierPolicies;
};

/** A tenant's lead scoring model. Every saved change gets the next version. */
export type ScoringModel = ScoringModelDefinition & { readonly version: number };

/** One thing wrong with a submitted model, with the path of the field (`fitRules[2].op`). */
export type ScoringModelProblem = {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
};
