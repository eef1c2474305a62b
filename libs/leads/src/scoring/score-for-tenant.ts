import type { EventStore } from '#ltc/event-store';
import type { ReadModelDb } from '#ltc/projections';
import { scoreLead, type LeadForScoring, type LeadInteraction, type LeadScore } from './domain/score-lead.js';
import type { ScoringModelDefinition } from './domain/scoring-model.js';
import { loadScoringModel } from './load-scoring-model.js';
import { sourceConversion, type SourceConversion } from './source-conversion.queries.js';

/** What-if parts a preview may bring instead of the tenant's own (the real scoring brings none). */
export interface ScoringOverrides {
  readonly model?: ScoringModelDefinition;
  readonly sourceConversion?: { readonly rate: number; readonly leads: number };
}

export interface TenantScore {
  readonly score: LeadScore;
  /** The tenant's model version used; null when the preview brought its own rules. */
  readonly modelVersion: number | null;
  readonly sourceConversion: SourceConversion;
}

/**
 * Scores a lead the way the tenant scores leads: its current model and its measured
 * conversion of the lead's source. The scoring process manager and the preview route
 * both call this, so a preview of a lead's attributes always gives the score the lead
 * itself gets (they disagreed once, when only one side checked the tags).
 */
export async function scoreForTenant(
  deps: { readonly store: EventStore; readonly db: ReadModelDb },
  input: {
    readonly tenantId: string;
    readonly lead: LeadForScoring;
    readonly interactions: readonly LeadInteraction[];
    readonly now: Date;
  },
  overrides: ScoringOverrides = {},
): Promise<TenantScore> {
  const { tenantId, lead } = input;
  let model = overrides.model;
  let modelVersion: number | null = null;
  if (model === undefined) {
    const { state } = await loadScoringModel(deps.store, tenantId);
    model = state.model;
    modelVersion = state.version;
  }
  const given = overrides.sourceConversion;
  const conversion: SourceConversion = given
    ? { source: lead.source, ...given, converted: Math.round(given.rate * given.leads) }
    : await sourceConversion(deps.db, tenantId, lead.source);
  const score = scoreLead({
    lead,
    interactions: input.interactions,
    sourceConversion: { rate: conversion.rate, leads: conversion.leads },
    model,
    now: input.now,
  });
  return { score, modelVersion, sourceConversion: conversion };
}
