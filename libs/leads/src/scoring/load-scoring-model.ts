import type { EventStore } from '#ltc/event-store';
import { scoringModelDecider } from './domain/scoring-model.decider.js';
import type { ScoringModelEvent } from './domain/scoring-model.events.js';
import type { ScoringModelState } from './domain/scoring-model.state.js';
import { scoringModelStream } from './scoring-model-stream.js';

/** A tenant's scoring model and the stream revision it was read at (undefined: never saved). */
export interface LoadedScoringModel {
  readonly state: ScoringModelState;
  readonly revision: bigint | undefined;
}

/**
 * Reads the tenant's model straight from its stream: a handful of events, and the answer
 * is never behind a change just saved (the revision is the ETag to send back in If-Match).
 */
export async function loadScoringModel(store: EventStore, tenantId: string): Promise<LoadedScoringModel> {
  const history = await store.readStream(scoringModelStream(tenantId));
  const state = history.reduce(
    (current, event) =>
      scoringModelDecider.evolve(current, { type: event.type, data: event.data } as ScoringModelEvent),
    scoringModelDecider.initialState(),
  );
  return { state, revision: history.at(-1)?.revision };
}
