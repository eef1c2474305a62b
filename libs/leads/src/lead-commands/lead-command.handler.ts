import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { StreamStateCache, handleCommand, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { LeadCommand } from '../domain/lead.commands.js';
import { leadDecider } from '../domain/lead.decider.js';
import type { LeadState } from '../domain/lead.state.js';
import { LeadCommandMessage } from './lead-command.message.js';

/** Runs any lead command: load the lead's stream, decide with the clock's now, append. */
@CommandHandler(LeadCommandMessage)
export class LeadCommandHandler implements ICommandHandler<LeadCommandMessage, CommandOutcome> {
  private readonly cache = new StreamStateCache<LeadState>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ envelope }: LeadCommandMessage): Promise<CommandOutcome> {
    const command = { ...envelope.command, now: this.clock.now() } as LeadCommand;
    return handleCommand(this.store, leadDecider, { ...envelope, command }, { cache: this.cache });
  }
}
