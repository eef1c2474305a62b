import type { CommandEnvelope } from '#ltc/commanding';
import type { ChangeTeam } from '../domain/team.commands.js';

/** Nest CQRS message carrying a ChangeTeam envelope; the clock's "now" is added by the handler. */
export class ChangeTeamCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeTeam, 'now'>>) {}
}
