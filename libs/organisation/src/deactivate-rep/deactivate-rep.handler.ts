import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { repDecider } from '../domain/rep.decider.js';
import { DeactivateRepCommand } from './deactivate-rep.command.js';

@CommandHandler(DeactivateRepCommand)
export class DeactivateRepHandler implements ICommandHandler<DeactivateRepCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ envelope }: DeactivateRepCommand): Promise<CommandOutcome> {
    const command = { ...envelope.command, now: this.clock.now() };
    return handleCommand(this.store, repDecider, { ...envelope, command });
  }
}
