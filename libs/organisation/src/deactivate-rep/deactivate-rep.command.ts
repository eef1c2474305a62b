import type { CommandEnvelope } from '#ltc/commanding';
import type { DeactivateRep } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a DeactivateRep envelope; the clock's "now" is added by the handler. */
export class DeactivateRepCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<DeactivateRep, 'now'>>) {}
}
