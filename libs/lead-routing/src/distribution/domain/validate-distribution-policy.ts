import { InvalidInputError } from '#ltc/kernel';
import { LEAD_SOURCES, type LeadSource, ESCALATIONS, TIERS, type Escalation, type Tier } from '#ltc/leads/domain';
import {
  CONCRETE_METHODS,
  DEFAULT_DISTRIBUTION_POLICY,
  DISTRIBUTION_METHODS,
  type CadenceRule,
  type ConcreteMethod,
  type DealSizeBandLimits,
  type DistributionMethod,
  type DistributionPolicy,
  type HybridRules,
  type RecycleRules,
  type ResponseTargets,
} from './distribution-policy.js';

/** Bounds of the policy's numbers; a response target can go down to one second. */
export const POLICY_LIMITS = {
  offerTimeoutSeconds: { min: 1, max: 7 * 86_400 },
  maxOfferRounds: { min: 1, max: 100 },
  claimCapPerRep: { min: 1, max: 10_000 },
  responseTargetSeconds: { min: 1, max: 30 * 86_400 },
  warningPercent: { min: 1, max: 99 },
  attempts: { min: 1, max: 20 },
  gapMinutes: { min: 1 / 60, max: 30 * 1440 },
  days: { min: 1 / 86_400, max: 3650 },
} as const;

type Input = Record<string, unknown>;

/**
 * Reads a policy as a client sent it: omitted fields take the defaults, unknown fields
 * and wrong values are refused with an InvalidInputError naming the field path (e.g.
 * `recycle.warnDaysBefore`). Returns the complete policy in a canonical form, so that
 * equal policies compare equal as JSON.
 */
export function validateDistributionPolicy(input: unknown): DistributionPolicy {
  const body = object(input, 'policy');
  known(body, '', [
    'method',
    'hybrid',
    'offerTimeoutSeconds',
    'maxOfferRounds',
    'claimCapPerRep',
    'responseTargetSeconds',
    'warningPercent',
    'escalation',
    'cadence',
    'recycle',
    'dealSizeBands',
  ]);
  const d = DEFAULT_DISTRIBUTION_POLICY;
  const method = oneOf<DistributionMethod>(body['method'] ?? d.method, 'method', DISTRIBUTION_METHODS);
  const hybrid = body['hybrid'] === undefined || body['hybrid'] === null ? null : hybridRules(body['hybrid']);
  if (method === 'hybrid' && hybrid === null) {
    throw new InvalidInputError('hybrid', 'required', 'hybrid is required when method is hybrid');
  }
  return {
    method,
    hybrid,
    offerTimeoutSeconds: integer(
      body['offerTimeoutSeconds'] ?? d.offerTimeoutSeconds,
      'offerTimeoutSeconds',
      POLICY_LIMITS.offerTimeoutSeconds,
    ),
    maxOfferRounds: integer(body['maxOfferRounds'] ?? d.maxOfferRounds, 'maxOfferRounds', POLICY_LIMITS.maxOfferRounds),
    claimCapPerRep: integer(body['claimCapPerRep'] ?? d.claimCapPerRep, 'claimCapPerRep', POLICY_LIMITS.claimCapPerRep),
    responseTargetSeconds: responseTargets(body['responseTargetSeconds']),
    warningPercent: integer(body['warningPercent'] ?? d.warningPercent, 'warningPercent', POLICY_LIMITS.warningPercent),
    escalation: oneOf<Escalation>(body['escalation'] ?? d.escalation, 'escalation', ESCALATIONS),
    cadence: cadence(body['cadence']),
    recycle: recycle(body['recycle']),
    dealSizeBands: dealSizeBands(body['dealSizeBands']),
  };
}

function hybridRules(value: unknown): HybridRules {
  const rules = object(value, 'hybrid');
  known(rules, 'hybrid', ['bySource', 'inbound', 'outbound', 'default']);
  const bySource = perSource(rules['bySource'], 'hybrid.bySource', (v, path) => oneOf(v, path, CONCRETE_METHODS));
  const direction = (key: 'inbound' | 'outbound'): ConcreteMethod | null =>
    rules[key] === undefined || rules[key] === null ? null : oneOf(rules[key], `hybrid.${key}`, CONCRETE_METHODS);
  if (rules['default'] === undefined) {
    throw new InvalidInputError('hybrid.default', 'required', 'hybrid.default is required');
  }
  return {
    bySource,
    inbound: direction('inbound'),
    outbound: direction('outbound'),
    default: oneOf(rules['default'], 'hybrid.default', CONCRETE_METHODS),
  };
}

function responseTargets(value: unknown): ResponseTargets {
  const d = DEFAULT_DISTRIBUTION_POLICY.responseTargetSeconds;
  if (value === undefined) return d;
  const path = 'responseTargetSeconds';
  const targets = object(value, path);
  known(targets, path, ['default', 'byTier', 'bySource']);
  const seconds = (v: unknown, at: string): number => integer(v, at, POLICY_LIMITS.responseTargetSeconds);
  const byTier: Partial<Record<Tier, number>> = {};
  if (targets['byTier'] !== undefined) {
    const tiers = object(targets['byTier'], `${path}.byTier`);
    known(tiers, `${path}.byTier`, TIERS);
    for (const tier of TIERS) {
      if (tiers[tier] !== undefined) byTier[tier] = seconds(tiers[tier], `${path}.byTier.${tier}`);
    }
  }
  return {
    default: seconds(targets['default'] ?? d.default, `${path}.default`),
    byTier,
    bySource: perSource(targets['bySource'], `${path}.bySource`, seconds),
  };
}

function cadence(value: unknown): Readonly<Record<Tier, CadenceRule>> {
  const d = DEFAULT_DISTRIBUTION_POLICY.cadence;
  if (value === undefined) return d;
  const tiers = object(value, 'cadence');
  known(tiers, 'cadence', TIERS);
  const rule = (tier: Tier): CadenceRule => {
    const given = tiers[tier];
    if (given === undefined) return d[tier];
    const path = `cadence.${tier}`;
    const r = object(given, path);
    known(r, path, ['attempts', 'gapMinutes']);
    return {
      attempts: integer(r['attempts'] ?? d[tier].attempts, `${path}.attempts`, POLICY_LIMITS.attempts),
      gapMinutes: positive(r['gapMinutes'] ?? d[tier].gapMinutes, `${path}.gapMinutes`, POLICY_LIMITS.gapMinutes),
    };
  };
  return { A: rule('A'), B: rule('B'), C: rule('C') };
}

function recycle(value: unknown): RecycleRules {
  const d = DEFAULT_DISTRIBUTION_POLICY.recycle;
  if (value === undefined) return d;
  const r = object(value, 'recycle');
  known(r, 'recycle', ['idleDays', 'warnDaysBefore', 'archiveAfterDays', 'onRecycle']);
  const idleDays = positive(r['idleDays'] ?? d.idleDays, 'recycle.idleDays', POLICY_LIMITS.days);
  const warnDaysBefore = r['warnDaysBefore'] ?? d.warnDaysBefore;
  if (typeof warnDaysBefore !== 'number' || !Number.isFinite(warnDaysBefore) || warnDaysBefore < 0) {
    throw new InvalidInputError('recycle.warnDaysBefore', 'min', 'recycle.warnDaysBefore must be a number, 0 or more');
  }
  if (warnDaysBefore >= idleDays) {
    throw new InvalidInputError(
      'recycle.warnDaysBefore',
      'order',
      'recycle.warnDaysBefore must be less than recycle.idleDays',
    );
  }
  return {
    idleDays,
    warnDaysBefore,
    archiveAfterDays: positive(
      r['archiveAfterDays'] ?? d.archiveAfterDays,
      'recycle.archiveAfterDays',
      POLICY_LIMITS.days,
    ),
    onRecycle: oneOf(r['onRecycle'] ?? d.onRecycle, 'recycle.onRecycle', ['pool', 'redistribute'] as const),
  };
}

function dealSizeBands(value: unknown): DealSizeBandLimits {
  const d = DEFAULT_DISTRIBUTION_POLICY.dealSizeBands;
  if (value === undefined) return d;
  const b = object(value, 'dealSizeBands');
  known(b, 'dealSizeBands', ['medium', 'large', 'enterprise']);
  const limit = (key: keyof DealSizeBandLimits): number =>
    positive(b[key] ?? d[key], `dealSizeBands.${key}`, { min: Number.MIN_VALUE, max: Number.MAX_SAFE_INTEGER });
  const bands = { medium: limit('medium'), large: limit('large'), enterprise: limit('enterprise') };
  if (bands.large <= bands.medium) {
    throw new InvalidInputError(
      'dealSizeBands.large',
      'order',
      'dealSizeBands.large must be above dealSizeBands.medium',
    );
  }
  if (bands.enterprise <= bands.large) {
    throw new InvalidInputError(
      'dealSizeBands.enterprise',
      'order',
      'dealSizeBands.enterprise must be above dealSizeBands.large',
    );
  }
  return bands;
}

/** A record keyed by lead source, in the canonical order of LEAD_SOURCES. */
function perSource<T>(
  value: unknown,
  path: string,
  read: (v: unknown, path: string) => T,
): Partial<Record<LeadSource, T>> {
  if (value === undefined || value === null) return {};
  const given = object(value, path);
  known(given, path, LEAD_SOURCES);
  const result: Partial<Record<LeadSource, T>> = {};
  for (const source of LEAD_SOURCES) {
    if (given[source] !== undefined) result[source] = read(given[source], `${path}.${source}`);
  }
  return result;
}

function object(value: unknown, path: string): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(path, 'isObject', `${path} must be an object`);
  }
  return value as Input;
}

function known(value: Input, path: string, keys: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      const field = path ? `${path}.${key}` : key;
      throw new InvalidInputError(field, 'unknownField', `${field} is not a known field`);
    }
  }
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(path, 'isIn', `${path} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

function integer(value: unknown, path: string, range: { readonly min: number; readonly max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidInputError(path, 'range', `${path} must be a whole number from ${range.min} to ${range.max}`);
  }
  return value;
}

function positive(value: unknown, path: string, range: { readonly min: number; readonly max: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new InvalidInputError(path, 'range', `${path} must be a number above 0 and at most ${range.max}`);
  }
  return value;
}
