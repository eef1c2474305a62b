import type { CommandEnvelope } from '#ltc/commanding';
import type { ChangeScoringModel } from '../domain/scoring-model.commands.js';

/** Nest CQRS message carrying a ChangeScoringModel envelope; the clock's "now" is added by the handler. */
export class ChangeScoringModelCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeScoringModel, 'now'>>) {}
}
