import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import { handleCommand, type CommandEnvelope, type CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ChangeDistributionPolicy } from './domain/distribution-policy.commands.js';
import { distributionPolicyDecider } from './domain/distribution-policy.decider.js';

/** Nest CQRS message carrying a ChangeDistributionPolicy envelope; the handler adds the clock's now. */
export class ChangeDistributionPolicyCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeDistributionPolicy, 'now'>>) {}
}

@CommandHandler(ChangeDistributionPolicyCommand)
export class ChangeDistributionPolicyHandler implements ICommandHandler<
  ChangeDistributionPolicyCommand,
  CommandOutcome
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ envelope }: ChangeDistributionPolicyCommand): Promise<CommandOutcome> {
    const command = { ...envelope.command, now: this.clock.now() };
    return handleCommand(this.store, distributionPolicyDecider, { ...envelope, command });
  }
}
