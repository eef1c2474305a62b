import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { teamDecider } from '../domain/team.decider.js';
import { ChangeTeamCommand } from './change-team.command.js';

@CommandHandler(ChangeTeamCommand)
export class ChangeTeamHandler implements ICommandHandler<ChangeTeamCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ envelope }: ChangeTeamCommand): Promise<CommandOutcome> {
    const command = { ...envelope.command, now: this.clock.now() };
    return handleCommand(this.store, teamDecider, { ...envelope, command });
  }
}
