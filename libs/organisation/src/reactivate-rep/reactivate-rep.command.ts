import type { CommandEnvelope } from '#ltc/commanding';
import type { ReactivateRep } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a ReactivateRep envelope; the clock's "now" is added by the handler. */
export class ReactivateRepCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ReactivateRep, 'now'>>) {}
}
