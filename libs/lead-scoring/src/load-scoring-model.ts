import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { scoringModelDecider } from './domain/scoring-model.decider.js';
import { parseScoringModelEvent } from './domain/scoring-model.events.js';
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
  const { state, revision } = await aggregateStream(store, scoringModelDecider, scoringModelStream(tenantId), {
    parse: parseScoringModelEvent,
  });
  return { state, revision };
}
