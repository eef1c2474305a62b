import { InvalidInputError, type Decider } from '#ltc/kernel';
import type { ScoringModelCommand } from './scoring-model.commands.js';
import type { ScoringModelEvent } from './scoring-model.events.js';
import { initialScoringModelState, type ScoringModelState } from './scoring-model.state.js';
import type { ScoringModelProblem } from './scoring-model.js';
import { parseScoringModel } from './validate-scoring-model.js';

export function decideScoringModel(command: ScoringModelCommand, state: ScoringModelState): ScoringModelEvent[] {
  switch (command.type) {
    case 'ChangeScoringModel': {
      const parsed = parseScoringModel(command.model);
      if (!parsed.ok) throw invalidModel(parsed.problems);
      // Saving the rules already in force would only bump the version of the same model.
      if (sameJson(parsed.model, state.model)) return [];
      return [
        {
          type: 'ScoringModelChanged',
          data: {
            version: state.version + 1,
            model: parsed.model,
            changedBy: command.changedBy,
            reason: command.reason,
            changedAt: command.now.toISOString(),
          },
        },
      ];
    }
  }
}

export function evolveScoringModel(state: ScoringModelState, event: ScoringModelEvent): ScoringModelState {
  switch (event.type) {
    case 'ScoringModelChanged': {
      const { version, model, changedBy, changedAt, reason } = event.data;
      return { origin: 'saved', version, model, changedBy, changedAt, reason };
    }
    default: {
      // Events of newer versions of the engine are ignored rather than breaking old state.
      const unknown: never = event.type;
      void unknown;
      return state;
    }
  }
}

export const scoringModelDecider: Decider<ScoringModelCommand, ScoringModelEvent, ScoringModelState> = {
  initialState: initialScoringModelState,
  decide: decideScoringModel,
  evolve: evolveScoringModel,
};

/**
 * The first problem names the field (an HTTP error carries one field); the message
 * lists them all, so a manager can fix a model in one round trip.
 */
export function invalidModel(problems: readonly ScoringModelProblem[]): InvalidInputError {
  const first = problems[0];
  const message = problems.map((p) => p.message).join('; ');
  return new InvalidInputError(first?.path ?? '', first?.rule ?? 'invalid', message || 'invalid scoring model');
}

/** Structural equality of JSON-shaped values; an absent key equals an undefined one. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameJson(left[key], right[key]));
}
