import { commandHandlerFor, type CommandFacts, type WithoutNow } from '#ltc/platform';
import type { ChangeRepProfile, RegisterRep, RepCommand } from './domain/rep.commands.js';
import { repDecider } from './domain/rep.decider.js';
import { parseRepEvent } from './domain/rep.events.js';
import { parseTeamEvent } from './domain/team.events.js';
import { teamDecider } from './domain/team.decider.js';
import { repStream, teamStream } from './org-streams.js';
import { teamExists } from './team-lookup.js';

/** Every team command goes through this one message and handler. */
export const teamCommands = commandHandlerFor(teamDecider, {
  entity: 'Team',
  stream: teamStream,
  parse: parseTeamEvent,
});

/** A rep command as a route writes it: the handler adds the clock's now and whether a named team exists. */
export type RepCommandInput =
  | WithoutNow<Exclude<RepCommand, RegisterRep | ChangeRepProfile>>
  | Omit<RegisterRep, 'now' | 'teamExists'>
  | Omit<ChangeRepProfile, 'now' | 'teamExists'>;

/** Every rep command goes through this one message and handler. */
export const repCommands = commandHandlerFor(repDecider, {
  entity: 'Rep',
  stream: repStream,
  parse: parseRepEvent,
  complete: completeRepCommand,
});

/** A command naming a team learns from the team's own stream whether it exists (see team-lookup). */
async function completeRepCommand(input: RepCommandInput, { now, tenantId, store }: CommandFacts): Promise<RepCommand> {
  if (input.type === 'RegisterRep' || input.type === 'ChangeRepProfile') {
    const teamId = input.type === 'RegisterRep' ? input.teamId : input.changes.teamId;
    const known = typeof teamId === 'string' && (await teamExists(store, tenantId, teamId));
    return { ...input, teamExists: known, now };
  }
  return { ...input, now };
}
