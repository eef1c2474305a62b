import type { CommandEnvelope } from '#ltc/commanding';
import type { RegisterRep } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a RegisterRep envelope; the handler adds "now" and whether the team exists. */
export class RegisterRepCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<RegisterRep, 'now' | 'teamExists'>>) {}
}
