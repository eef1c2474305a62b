import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { repDecider } from '../domain/rep.decider.js';
import { teamExists } from '../team-lookup.js';
import { RegisterRepCommand } from './register-rep.command.js';

@CommandHandler(RegisterRepCommand)
export class RegisterRepHandler implements ICommandHandler<RegisterRepCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ envelope }: RegisterRepCommand): Promise<CommandOutcome> {
    const { teamId } = envelope.command;
    const command = {
      ...envelope.command,
      teamExists: teamId !== null && (await teamExists(this.store, envelope.tenantId, teamId)),
      now: this.clock.now(),
    };
    return handleCommand(this.store, repDecider, { ...envelope, command });
  }
}
