import type { CommandEnvelope } from '#ltc/commanding';
import type { ChangeRepProfile } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a ChangeRepProfile envelope; the handler adds "now" and whether the team exists. */
export class ChangeRepProfileCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeRepProfile, 'now' | 'teamExists'>>) {}
}
