import { LEAD_SOURCES } from '#ltc/leads/domain';
import type { BehaviourRule, FitRule, FitValue, ScoringModelDefinition, TierPolicy } from './scoring-model.js';

/** Copies a valid model field by field in a fixed order, so equal rules compare equal. */
export function normaliseScoringModel(model: ScoringModelDefinition): ScoringModelDefinition {
  const rates = Object.fromEntries(
    LEAD_SOURCES.filter((source) => model.sourcePrior.defaultRates[source] !== undefined).map((source) => [
      source,
      model.sourcePrior.defaultRates[source],
    ]),
  );
  return {
    fitRules: model.fitRules.map((r): FitRule => ({
      id: r.id,
      label: r.label,
      field: r.field,
      op: r.op,
      ...(r.value !== undefined ? { value: copyValue(r.value) } : {}),
      points: r.points,
    })),
    behaviourRules: model.behaviourRules.map((r): BehaviourRule => ({
      id: r.id,
      label: r.label,
      interaction: r.interaction,
      points: r.points,
      maxCount: r.maxCount,
      ...(r.withinDays !== undefined ? { withinDays: r.withinDays } : {}),
    })),
    sourcePrior: {
      weight: model.sourcePrior.weight,
      defaultRates: rates,
      minLeadsForMeasuredRate: model.sourcePrior.minLeadsForMeasuredRate,
    },
    tiers: {
      A: pickTier(model.tiers.A),
      B: pickTier(model.tiers.B),
      C: pickTier(model.tiers.C),
    },
  };
}

function copyValue(value: FitValue): FitValue {
  return typeof value === 'object' ? [...value] : value;
}

function pickTier(t: TierPolicy): TierPolicy {
  return { minScore: t.minScore, attemptTarget: t.attemptTarget, responseTargetSeconds: t.responseTargetSeconds };
}
