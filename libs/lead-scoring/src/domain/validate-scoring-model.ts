import { isLeadTag, LEAD_SOURCES, TAG_RULE } from '#ltc/leads/domain';
import {
  FIT_FIELDS,
  FIT_OPS,
  INTERACTION_KINDS,
  TIERS,
  type ScoringModelDefinition,
  type ScoringModelProblem,
} from './scoring-model.js';
import { normaliseScoringModel } from './normalise-scoring-model.js';

/** Limits that keep a model explainable and a breakdown readable. */
export const SCORING_LIMITS = {
  maxRules: 200,
  maxRulePoints: 1000,
  maxWeight: 1000,
  maxCount: 1000,
  maxWithinDays: 3650,
  maxAttempts: 50,
  maxResponseSeconds: 30 * 86_400,
  maxListValues: 100,
  maxText: 200,
} as const;

/** Breakdown ids used by the scorer itself; a rule may not take them. */
export const RESERVED_RULE_IDS = ['source_prior', 'clamp'] as const;

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MODEL_KEYS = ['fitRules', 'behaviourRules', 'sourcePrior', 'tiers'];
const FIT_KEYS = ['id', 'label', 'field', 'op', 'value', 'points'];
const BEHAVIOUR_KEYS = ['id', 'label', 'interaction', 'points', 'maxCount', 'withinDays'];
const PRIOR_KEYS = ['weight', 'defaultRates', 'minLeadsForMeasuredRate'];
const TIER_KEYS = ['minScore', 'attemptTarget', 'responseTargetSeconds'];

type Fields = Readonly<Record<string, unknown>>;

/**
 * Everything wrong with a submitted model (the model without its version), each problem
 * naming its field path, e.g. `fitRules[2].op` or `tiers.B.minScore` (under `at` when the
 * model sits inside a larger body, e.g. `model.fitRules[2].op`). Empty = valid.
 * Takes `unknown` because the model arrives from outside and is stored for good.
 */
export function validateScoringModel(input: unknown, at = ''): ScoringModelProblem[] {
  const problems = new Problems();
  const path = (key: string): string => (at ? `${at}.${key}` : key);
  if (!isRecord(input)) {
    problems.add(at, 'type', `${at || 'the scoring model'} must be an object`);
    return problems.list;
  }
  problems.unknownKeys(input, MODEL_KEYS, at);
  const ids = new Map<string, string>();
  checkList(input['fitRules'], path('fitRules'), problems, (rule, p) => checkFitRule(rule, p, problems, ids));
  checkList(input['behaviourRules'], path('behaviourRules'), problems, (rule, p) =>
    checkBehaviourRule(rule, p, problems, ids),
  );
  checkSourcePrior(input['sourcePrior'], path('sourcePrior'), problems);
  checkTiers(input['tiers'], path('tiers'), problems);
  return problems.list;
}

/** A valid model rebuilt with only its known fields, or the problems that stop it. */
export function parseScoringModel(
  input: unknown,
  at = '',
):
  | { readonly ok: true; readonly model: ScoringModelDefinition }
  | { readonly ok: false; readonly problems: ScoringModelProblem[] } {
  const problems = validateScoringModel(input, at);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: normaliseScoringModel(input as ScoringModelDefinition) };
}

function checkList(value: unknown, path: string, problems: Problems, each: (item: Fields, path: string) => void): void {
  if (!Array.isArray(value)) {
    problems.add(path, 'type', `${path} must be a list`);
    return;
  }
  if (value.length > SCORING_LIMITS.maxRules) {
    problems.add(path, 'range', `${path} may hold at most ${SCORING_LIMITS.maxRules} rules`);
  }
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (isRecord(item)) each(item, itemPath);
    else problems.add(itemPath, 'type', `${itemPath} must be an object`);
  });
}

function checkRuleHeader(rule: Fields, path: string, problems: Problems, ids: Map<string, string>): void {
  const id = rule['id'];
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    problems.add(`${path}.id`, 'format', `${path}.id must be 1-64 letters, digits, '_', '-' or '.'`);
  } else if ((RESERVED_RULE_IDS as readonly string[]).includes(id)) {
    problems.add(`${path}.id`, 'reserved', `${path}.id "${id}" is reserved for the scorer's own breakdown lines`);
  } else if (ids.has(id)) {
    problems.add(`${path}.id`, 'unique', `${path}.id "${id}" is already used by ${ids.get(id) ?? 'another rule'}`);
  } else {
    ids.set(id, path);
  }
  problems.text(rule['label'], `${path}.label`);
  problems.integer(rule['points'], `${path}.points`, -SCORING_LIMITS.maxRulePoints, SCORING_LIMITS.maxRulePoints);
}

function checkFitRule(rule: Fields, path: string, problems: Problems, ids: Map<string, string>): void {
  problems.unknownKeys(rule, FIT_KEYS, path);
  checkRuleHeader(rule, path, problems, ids);
  const field = problems.oneOf(rule['field'], FIT_FIELDS, `${path}.field`);
  const op = problems.oneOf(rule['op'], FIT_OPS, `${path}.op`);
  if (field === undefined || op === undefined) return;
  const valuePath = `${path}.value`;
  const value = rule['value'];
  const numeric = field === 'dealSize';
  switch (op) {
    case 'present':
    case 'absent':
      if (value !== undefined) problems.add(valuePath, 'notAllowed', `${valuePath} must be left out for "${op}"`);
      return;
    case 'gte':
    case 'lte':
      if (!numeric) {
        problems.add(`${path}.op`, 'notAllowed', `${path}.op "${op}" compares numbers; only dealSize is a number`);
        return;
      }
      problems.finiteNumber(value, valuePath);
      return;
    case 'contains':
      if (numeric) {
        problems.add(`${path}.op`, 'notAllowed', `${path}.op "contains" compares text; dealSize is a number`);
        return;
      }
      problems.text(value, valuePath);
      return;
    case 'equals':
      checkScalar(value, valuePath, field, problems);
      return;
    case 'in':
      if (!Array.isArray(value) || value.length === 0 || value.length > SCORING_LIMITS.maxListValues) {
        problems.add(valuePath, 'type', `${valuePath} must be a list of 1-${SCORING_LIMITS.maxListValues} values`);
        return;
      }
      value.forEach((item: unknown, index) => checkScalar(item, `${valuePath}[${index}]`, field, problems));
      return;
  }
}

function checkScalar(value: unknown, path: string, field: (typeof FIT_FIELDS)[number], problems: Problems): void {
  if (field === 'dealSize') problems.finiteNumber(value, path);
  else if (field === 'source') problems.oneOf(value, LEAD_SOURCES, path);
  else if (field === 'tag') {
    // A rule naming a tag no lead can carry (e.g. `decision_maker`) would never fire.
    if (problems.text(value, path) && !isLeadTag(value)) {
      problems.add(path, 'tag', `${path} must be a tag as leads carry them: ${TAG_RULE}`);
    }
  } else problems.text(value, path);
}

function checkBehaviourRule(rule: Fields, path: string, problems: Problems, ids: Map<string, string>): void {
  problems.unknownKeys(rule, BEHAVIOUR_KEYS, path);
  checkRuleHeader(rule, path, problems, ids);
  problems.oneOf(rule['interaction'], INTERACTION_KINDS, `${path}.interaction`);
  problems.integer(rule['maxCount'], `${path}.maxCount`, 1, SCORING_LIMITS.maxCount);
  if (rule['withinDays'] !== undefined) {
    problems.integer(rule['withinDays'], `${path}.withinDays`, 1, SCORING_LIMITS.maxWithinDays);
  }
}

function checkSourcePrior(prior: unknown, at: string, problems: Problems): void {
  if (!isRecord(prior)) {
    problems.add(at, 'type', `${at} must be an object`);
    return;
  }
  problems.unknownKeys(prior, PRIOR_KEYS, at);
  const weight = prior['weight'];
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > SCORING_LIMITS.maxWeight) {
    problems.add(`${at}.weight`, 'range', `${at}.weight must be a number from 0 to ${SCORING_LIMITS.maxWeight}`);
  }
  problems.integer(prior['minLeadsForMeasuredRate'], `${at}.minLeadsForMeasuredRate`, 1, 1_000_000);
  const rates = prior['defaultRates'];
  if (!isRecord(rates)) {
    problems.add(`${at}.defaultRates`, 'type', `${at}.defaultRates must be an object of source → rate`);
    return;
  }
  for (const [source, rate] of Object.entries(rates)) {
    const path = `${at}.defaultRates.${source}`;
    if (!(LEAD_SOURCES as readonly string[]).includes(source)) {
      problems.add(path, 'unknownField', `${path}: "${source}" is not a lead source`);
    } else if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      problems.add(path, 'range', `${path} must be a conversion rate from 0 to 1 (0.13 = 13%)`);
    }
  }
}

function checkTiers(tiers: unknown, at: string, problems: Problems): void {
  if (!isRecord(tiers)) {
    problems.add(at, 'type', `${at} must be an object with A, B and C`);
    return;
  }
  problems.unknownKeys(tiers, TIERS, at);
  const valid: Partial<Record<(typeof TIERS)[number], Fields>> = {};
  for (const tier of TIERS) {
    const policy = tiers[tier];
    const path = `${at}.${tier}`;
    if (!isRecord(policy)) {
      problems.add(path, 'type', `${path} must be an object`);
      continue;
    }
    problems.unknownKeys(policy, TIER_KEYS, path);
    const ok = [
      problems.integer(policy['minScore'], `${path}.minScore`, 0, 100),
      problems.integer(policy['attemptTarget'], `${path}.attemptTarget`, 1, SCORING_LIMITS.maxAttempts),
      problems.integer(
        policy['responseTargetSeconds'],
        `${path}.responseTargetSeconds`,
        1,
        SCORING_LIMITS.maxResponseSeconds,
      ),
    ].every(Boolean);
    if (ok) valid[tier] = policy;
  }
  // A higher tier starts at a higher score, and is never worked with fewer attempts or more slowly.
  for (const [higher, lower] of [
    ['A', 'B'],
    ['B', 'C'],
  ] as const) {
    const h = valid[higher];
    const l = valid[lower];
    if (!h || !l) continue;
    const [hp, lp] = [`${at}.${higher}`, `${at}.${lower}`];
    if ((h['minScore'] as number) <= (l['minScore'] as number)) {
      problems.add(`${hp}.minScore`, 'order', `${hp}.minScore must be above ${lp}.minScore`);
    }
    if ((h['attemptTarget'] as number) < (l['attemptTarget'] as number)) {
      problems.add(`${hp}.attemptTarget`, 'order', `${hp}.attemptTarget must be at least ${lp}.attemptTarget`);
    }
    if ((h['responseTargetSeconds'] as number) > (l['responseTargetSeconds'] as number)) {
      problems.add(
        `${hp}.responseTargetSeconds`,
        'order',
        `${hp}.responseTargetSeconds must be at most ${lp}.responseTargetSeconds`,
      );
    }
  }
}

/** Collects problems; each check returns the value when it passed, so callers can go on. */
class Problems {
  readonly list: ScoringModelProblem[] = [];

  add(path: string, rule: string, message: string): void {
    this.list.push({ path, rule, message });
  }

  unknownKeys(value: Fields, known: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        const full = path ? `${path}.${key}` : key;
        this.add(full, 'unknownField', `${full} is not a known field`);
      }
    }
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(path, 'oneOf', `${path} must be one of: ${allowed.join(', ')}`);
    return undefined;
  }

  integer(value: unknown, path: string, min: number, max: number): boolean {
    const whole = typeof value === 'number' && Number.isInteger(value);
    if (whole && value >= min && value <= max) return true;
    this.add(path, whole ? 'range' : 'integer', `${path} must be a whole number from ${min} to ${max}`);
    return false;
  }

  finiteNumber(value: unknown, path: string): boolean {
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    this.add(path, 'type', `${path} must be a finite number`);
    return false;
  }

  text(value: unknown, path: string): boolean {
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= SCORING_LIMITS.maxText) return true;
    this.add(path, 'type', `${path} must be a text of 1-${SCORING_LIMITS.maxText} characters`);
    return false;
  }
}

function isRecord(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
