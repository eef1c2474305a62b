import type { EventStore } from '#ltc/event-store';
import type { ReadModelDb } from '#ltc/projections';
import type { LeadSource } from '#ltc/leads/domain';
import { scoreLead, type LeadForScoring, type LeadInteraction, type LeadScore } from './domain/score-lead.js';
import type { ScoringModelDefinition } from './domain/scoring-model.js';
import { loadScoringModel } from './load-scoring-model.js';
import { sourceConversion, type SourceConversion } from './source-conversion.queries.js';

/** What-if parts a preview may bring instead of the tenant's own (the real scoring brings none). */
export interface ScoringOverrides {
  readonly model?: ScoringModelDefinition;
  readonly sourceConversion?: { readonly rate: number; readonly leads: number };
}

/** How a tenant scores leads from one source: its model and its measured conversion of that source. */
export interface TenantScoring {
  readonly model: ScoringModelDefinition;
  /** The tenant's model version used; null when the preview brought its own rules. */
  readonly modelVersion: number | null;
  readonly sourceConversion: SourceConversion;
}

/** A lead as scored: who it is, what it did, and when the score is taken. */
export interface ScoringSubject {
  readonly lead: LeadForScoring;
  readonly interactions: readonly LeadInteraction[];
  readonly now: Date;
}

export interface TenantScore {
  readonly score: LeadScore;
  readonly modelVersion: number | null;
  readonly sourceConversion: SourceConversion;
}

/**
 * Reads what scoring a lead of `source` takes in the tenant: its current model (from the
 * model's stream) and its conversion of the source (from the read model), unless overridden.
 */
export async function loadTenantScoring(
  deps: { readonly store: EventStore; readonly db: ReadModelDb },
  tenantId: string,
  source: LeadSource,
  overrides: ScoringOverrides = {},
): Promise<TenantScoring> {
  let model = overrides.model;
  let modelVersion: number | null = null;
  if (model === undefined) {
    const { state } = await loadScoringModel(deps.store, tenantId);
    model = state.model;
    modelVersion = state.version;
  }
  const given = overrides.sourceConversion;
  const conversion: SourceConversion = given
    ? { source, ...given, converted: Math.round(given.rate * given.leads) }
    : await sourceConversion(deps.db, tenantId, source);
  return { model, modelVersion, sourceConversion: conversion };
}

/**
 * Scores a lead the way the tenant scores leads. The scoring process manager and the
 * preview route both score through this, so a preview of a lead's attributes always
 * gives the score the lead itself gets (they disagreed once, when only one side checked
 * the tags). Pure: the tenant's parts are read before, by `loadTenantScoring`.
 */
export function scoreWithTenant(scoring: TenantScoring, subject: ScoringSubject): LeadScore {
  const { rate, leads } = scoring.sourceConversion;
  return scoreLead({ ...subject, sourceConversion: { rate, leads }, model: scoring.model });
}

/** Reads the tenant's parts and scores the lead with them (the preview's one call). */
export async function scoreForTenant(
  deps: { readonly store: EventStore; readonly db: ReadModelDb },
  input: ScoringSubject & { readonly tenantId: string },
  overrides: ScoringOverrides = {},
): Promise<TenantScore> {
  const scoring = await loadTenantScoring(deps, input.tenantId, input.lead.source, overrides);
  const { lead, interactions, now } = input;
  return {
    score: scoreWithTenant(scoring, { lead, interactions, now }),
    modelVersion: scoring.modelVersion,
    sourceConversion: scoring.sourceConversion,
  };
}
