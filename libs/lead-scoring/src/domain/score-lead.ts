import { AVERAGE_CONVERSION_RATE } from './default-scoring-model.js';
import type {
  BehaviourRule,
  FitRule,
  InteractionKind,
  LeadSource,
  ScoringModelDefinition,
  SourcePrior,
  Tier,
} from './scoring-model.js';

/** The attributes of a lead that fit rules look at; unknown ones are null. */
export type LeadForScoring = {
  readonly source: LeadSource;
  readonly region: string | null;
  readonly language: string | null;
  readonly industry: string | null;
  readonly dealSize: number | null;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly tags: readonly string[];
};

/** Something the lead did, at an ISO time. */
export type LeadInteraction = { readonly kind: InteractionKind; readonly at: string };

/** The tenant's measured lead → opportunity conversion of one source. */
export type MeasuredConversion = { readonly rate: number; readonly leads: number };

export type ScoreLeadInput = {
  readonly lead: LeadForScoring;
  readonly interactions: readonly LeadInteraction[];
  readonly sourceConversion: MeasuredConversion | undefined;
  /** A `ScoringModel`; its version plays no part in the score. */
  readonly model: ScoringModelDefinition;
  readonly now: Date;
};

/**
 * Why the score has the points it has. Lines of kind fit, behaviour and source_prior add
 * up to `rawScore`; when that falls outside 0..100, a `clamp` line brings the sum to `score`.
 */
export type ScoreLine = {
  readonly ruleId: string;
  readonly kind: 'fit' | 'behaviour' | 'source_prior' | 'clamp';
  readonly label: string;
  readonly points: number;
  readonly reason: string;
};

export type LeadScore = {
  /** 0..100, whole. */
  readonly score: number;
  /** The sum of the rule lines before clamping to 0..100. */
  readonly rawScore: number;
  readonly tier: Tier;
  readonly attemptTarget: number;
  readonly responseTargetSeconds: number;
  readonly breakdown: readonly ScoreLine[];
};

const DAY_MS = 86_400_000;

/**
 * Scores a lead with a model: fit (who they are) + behaviour (what they did) + the
 * source prior (how well leads from its source convert). Pure: same input, same score.
 */
export function scoreLead(input: ScoreLeadInput): LeadScore {
  const { lead, model } = input;
  const lines: ScoreLine[] = [];
  for (const rule of model.fitRules) {
    const reason = fitMatch(rule, lead);
    if (reason === undefined) continue;
    lines.push({ ruleId: rule.id, kind: 'fit', label: rule.label, points: rule.points, reason });
  }
  for (const rule of model.behaviourRules) {
    const line = behaviourLine(rule, input.interactions, input.now);
    if (line) lines.push(line);
  }
  lines.push(sourcePriorLine(lead.source, input.sourceConversion, model.sourcePrior));

  const rawScore = lines.reduce((sum, line) => sum + line.points, 0);
  const score = Math.min(100, Math.max(0, rawScore));
  if (score !== rawScore) {
    lines.push({
      ruleId: 'clamp',
      kind: 'clamp',
      label: 'Score limited to 0-100',
      points: score - rawScore,
      reason: `the rules add up to ${rawScore}, clamped to ${score}`,
    });
  }
  const tier = tierOf(score, model);
  const policy = model.tiers[tier];
  return {
    score,
    rawScore,
    tier,
    attemptTarget: policy.attemptTarget,
    responseTargetSeconds: policy.responseTargetSeconds,
    breakdown: lines,
  };
}

/** The highest tier whose minimum the score reaches; C takes every lead below B. */
export function tierOf(score: number, model: Pick<ScoringModelDefinition, 'tiers'>): Tier {
  if (score >= model.tiers.A.minScore) return 'A';
  if (score >= model.tiers.B.minScore) return 'B';
  return 'C';
}

/** Why the rule matches the lead, or undefined when it does not. */
function fitMatch(rule: FitRule, lead: LeadForScoring): string | undefined {
  if (rule.field === 'tag') return tagMatch(rule, lead.tags);
  if (rule.field === 'dealSize') return dealSizeMatch(rule, lead.dealSize);
  const actual = lead[rule.field];
  const shown = actual === null ? '' : `"${actual}"`;
  switch (rule.op) {
    case 'present':
      return hasText(actual) ? `${rule.field} is present` : undefined;
    case 'absent':
      return hasText(actual) ? undefined : `${rule.field} is missing`;
    case 'equals':
      return hasText(actual) && same(actual, rule.value) ? `${rule.field} is ${shown}` : undefined;
    case 'in':
      return hasText(actual) && listOf(rule.value).some((v) => same(actual, v))
        ? `${rule.field} ${shown} is one of ${listOf(rule.value).join(', ')}`
        : undefined;
    case 'contains':
      return hasText(actual) && contains(actual, rule.value)
        ? `${rule.field} ${shown} contains "${String(rule.value)}"`
        : undefined;
    case 'gte':
    case 'lte':
      return undefined; // refused by validation: only dealSize is a number
  }
}

function tagMatch(rule: FitRule, tags: readonly string[]): string | undefined {
  const present = tags.filter(hasText);
  const found = (test: (tag: string) => boolean): string | undefined => present.find(test);
  switch (rule.op) {
    case 'present':
      return present.length > 0 ? `tagged ${present.map((t) => `"${t}"`).join(', ')}` : undefined;
    case 'absent':
      return present.length === 0 ? 'has no tags' : undefined;
    case 'equals': {
      const tag = found((t) => same(t, rule.value));
      return tag === undefined ? undefined : `tagged "${tag}"`;
    }
    case 'in': {
      const tag = found((t) => listOf(rule.value).some((v) => same(t, v)));
      return tag === undefined ? undefined : `tagged "${tag}", one of ${listOf(rule.value).join(', ')}`;
    }
    case 'contains': {
      const tag = found((t) => contains(t, rule.value));
      return tag === undefined ? undefined : `tag "${tag}" contains "${String(rule.value)}"`;
    }
    case 'gte':
    case 'lte':
      return undefined;
  }
}

function dealSizeMatch(rule: FitRule, size: number | null): string | undefined {
  if (rule.op === 'present') return size === null ? undefined : `dealSize is known (${size})`;
  if (rule.op === 'absent') return size === null ? 'dealSize is unknown' : undefined;
  if (size === null) return undefined;
  const value = rule.value;
  switch (rule.op) {
    case 'equals':
      return value === size ? `dealSize is ${size}` : undefined;
    case 'in':
      return listOf(value).includes(size) ? `dealSize ${size} is one of ${listOf(value).join(', ')}` : undefined;
    case 'gte':
      return typeof value === 'number' && size >= value ? `dealSize ${size} ≥ ${value}` : undefined;
    case 'lte':
      return typeof value === 'number' && size <= value ? `dealSize ${size} ≤ ${value}` : undefined;
    case 'contains':
      return undefined; // refused by validation: dealSize is a number
  }
}

function behaviourLine(
  rule: BehaviourRule,
  interactions: readonly LeadInteraction[],
  now: Date,
): ScoreLine | undefined {
  const end = now.getTime();
  const start = rule.withinDays === undefined ? -Infinity : end - rule.withinDays * DAY_MS;
  // Interactions after "now" have not happened yet as far as this score is concerned.
  const seen = interactions.filter((i) => {
    if (i.kind !== rule.interaction) return false;
    const at = Date.parse(i.at);
    return at >= start && at <= end;
  }).length;
  if (seen === 0) return undefined;
  const counted = Math.min(seen, rule.maxCount);
  const window = rule.withinDays === undefined ? '' : ` in the last ${rule.withinDays} days`;
  const capped = seen > counted ? `, counted ${counted} (the most this rule counts)` : '';
  return {
    ruleId: rule.id,
    kind: 'behaviour',
    label: rule.label,
    points: counted * rule.points,
    reason: `${seen} × ${rule.interaction}${window}${capped}, ${rule.points} points each`,
  };
}

function sourcePriorLine(source: LeadSource, measured: MeasuredConversion | undefined, prior: SourcePrior): ScoreLine {
  const defaultRate = prior.defaultRates[source];
  const usable =
    measured !== undefined && Number.isFinite(measured.rate) && measured.leads >= prior.minLeadsForMeasuredRate;
  let rate: number;
  let why: string;
  if (usable) {
    rate = Math.min(1, Math.max(0, measured.rate));
    why = `measured conversion ${percent(rate)} over ${measured.leads} ${source} leads`;
  } else {
    const seen = measured?.leads ?? 0;
    const scarce = `${seen} ${source} leads measured, ${prior.minLeadsForMeasuredRate} needed`;
    rate = defaultRate ?? AVERAGE_CONVERSION_RATE;
    why =
      defaultRate === undefined
        ? `${scarce}; no default for ${source}, so the average ${percent(rate)}`
        : `${scarce}; default conversion ${percent(rate)}`;
  }
  const points = Math.round(rate * prior.weight);
  return {
    ruleId: 'source_prior',
    kind: 'source_prior',
    label: `Source: ${source}`,
    points,
    reason: `${why} × ${prior.weight} points = ${points}`,
  };
}

function hasText(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

function norm(value: unknown): string {
  return String(value).trim().toLowerCase();
}

function same(actual: string, expected: unknown): boolean {
  return expected !== undefined && norm(actual) === norm(expected);
}

function contains(actual: string, part: unknown): boolean {
  return typeof part === 'string' && norm(actual).includes(norm(part));
}

function listOf(value: FitRule['value']): readonly (string | number)[] {
  if (value === undefined) return [];
  return typeof value === 'object' ? value : [value];
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
