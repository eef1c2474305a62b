import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import type { ScoringModel, ScoringModelDefinition } from './scoring-model.js';
import { normaliseScoringModel } from './normalise-scoring-model.js';

/**
 * A tenant's scoring model as its stream says: the default (version 1) until the first
 * change is saved. `origin` tells the two apart, so no one mistakes the default for a choice.
 */
export type ScoringModelState = {
  readonly origin: 'default' | 'saved';
  readonly version: number;
  readonly model: ScoringModelDefinition;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly reason: string | null;
};

export const initialScoringModelState = (): ScoringModelState => ({
  origin: 'default',
  version: DEFAULT_SCORING_MODEL.version,
  model: normaliseScoringModel(DEFAULT_SCORING_MODEL),
  changedBy: null,
  changedAt: null,
  reason: null,
});

/** The state's model with its version, ready for `scoreLead`. */
export const currentModelOf = (state: ScoringModelState): ScoringModel => ({ ...state.model, version: state.version });
