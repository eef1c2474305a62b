import type { CommandEnvelope } from '#ltc/commanding';
import type { CreateTeam } from '../domain/team.commands.js';

/** Nest CQRS message carrying a CreateTeam envelope; the clock's "now" is added by the handler. */
export class CreateTeamCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<CreateTeam, 'now'>>) {}
}
