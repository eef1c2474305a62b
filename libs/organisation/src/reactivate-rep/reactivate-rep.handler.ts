import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { repDecider } from '../domain/rep.decider.js';
import { ReactivateRepCommand } from './reactivate-rep.command.js';

@CommandHandler(ReactivateRepCommand)
export class ReactivateRepHandler implements ICommandHandler<ReactivateRepCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ envelope }: ReactivateRepCommand): Promise<CommandOutcome> {
    const command = { ...envelope.command, now: this.clock.now() };
    return handleCommand(this.store, repDecider, { ...envelope, command });
  }
}
