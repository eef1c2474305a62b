import type { CommandEnvelope } from '#ltc/commanding';
import type { ChangeRepAvailability } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a ChangeRepAvailability envelope; the clock's "now" is added by the handler. */
export class ChangeRepAvailabilityCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeRepAvailability, 'now'>>) {}
}
