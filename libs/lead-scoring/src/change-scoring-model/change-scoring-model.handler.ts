import type { CommandEnvelope, CommandOutcome } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { commandHandlerFor } from '#ltc/platform';
import { scoringModelDecider } from '../domain/scoring-model.decider.js';
import { parseScoringModelEvent, type ScoringModelChanged } from '../domain/scoring-model.events.js';
import { loadScoringModel } from '../load-scoring-model.js';
import { scoringModelStream } from '../scoring-model-stream.js';

/** The command's outcome and the model version in force after it. */
export interface ScoringModelChangeOutcome {
  readonly outcome: CommandOutcome;
  readonly version: number;
}

/** Every scoring model command goes through this one message and handler; it answers the version in force. */
export const scoringModelCommands = commandHandlerFor(scoringModelDecider, {
  entity: 'ScoringModel',
  stream: (tenantId) => scoringModelStream(tenantId),
  parse: parseScoringModelEvent,
  result: versionInForce,
});

async function versionInForce(
  outcome: CommandOutcome,
  envelope: CommandEnvelope<unknown, unknown>,
  store: EventStore,
): Promise<ScoringModelChangeOutcome> {
  const changed = outcome.events.at(-1)?.data as ScoringModelChanged['data'] | undefined;
  if (changed) return { outcome, version: changed.version };
  // Identical rules: nothing was written, the version in force stays.
  const { state } = await loadScoringModel(store, envelope.tenantId);
  return { outcome, version: state.version };
}
