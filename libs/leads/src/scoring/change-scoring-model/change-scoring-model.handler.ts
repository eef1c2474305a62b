import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { scoringModelDecider } from '../domain/scoring-model.decider.js';
import type { ScoringModelChanged } from '../domain/scoring-model.events.js';
import { loadScoringModel } from '../load-scoring-model.js';
import { ChangeScoringModelCommand } from './change-scoring-model.command.js';

/** The command's outcome and the model version in force after it. */
export interface ScoringModelChangeOutcome {
  readonly outcome: CommandOutcome;
  readonly version: number;
}

@CommandHandler(ChangeScoringModelCommand)
export class ChangeScoringModelHandler implements ICommandHandler<
  ChangeScoringModelCommand,
  ScoringModelChangeOutcome
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ envelope }: ChangeScoringModelCommand): Promise<ScoringModelChangeOutcome> {
    const command = { ...envelope.command, now: this.clock.now() };
    const outcome = await handleCommand(this.store, scoringModelDecider, { ...envelope, command });
    const changed = outcome.events.at(-1)?.data as ScoringModelChanged['data'] | undefined;
    if (changed) return { outcome, version: changed.version };
    // Identical rules: nothing was written, the version in force stays.
    const { state } = await loadScoringModel(this.store, envelope.tenantId);
    return { outcome, version: state.version };
  }
}
