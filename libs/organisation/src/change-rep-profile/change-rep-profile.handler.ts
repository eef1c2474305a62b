import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { repDecider } from '../domain/rep.decider.js';
import { teamExists } from '../team-lookup.js';
import { ChangeRepProfileCommand } from './change-rep-profile.command.js';

@CommandHandler(ChangeRepProfileCommand)
export class ChangeRepProfileHandler implements ICommandHandler<ChangeRepProfileCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ envelope }: ChangeRepProfileCommand): Promise<CommandOutcome> {
    const { teamId } = envelope.command.changes;
    const command = {
      ...envelope.command,
      teamExists: typeof teamId === 'string' && (await teamExists(this.store, envelope.tenantId, teamId)),
      now: this.clock.now(),
    };
    return handleCommand(this.store, repDecider, { ...envelope, command });
  }
}
