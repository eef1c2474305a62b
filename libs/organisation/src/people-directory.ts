import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import type { DealTeamRole, PeopleDirectory, PersonRecord } from '#ltc/platform';
import { repDecider } from './domain/rep.decider.js';
import { parseRepEvent } from './domain/rep.events.js';
import { teamDecider } from './domain/team.decider.js';
import { parseTeamEvent } from './domain/team.events.js';
import { repStream, teamStream } from './org-streams.js';

/**
 * The organisation's records of the people a deal names, read from the rep and team streams
 * themselves (not the org read models): a rep registered or a team created a moment ago is
 * known at once, as `teamExists` does for teams.
 *
 * - a registered rep holds their roles (none while deactivated), and their team's manager is
 *   their sales manager;
 * - someone who is no rep but manages a team is known, holding no triangle role (a sponsor);
 * - anyone else is absent from the answer.
 */
export function peopleDirectory(store: EventStore): PeopleDirectory {
  return {
    async lookup(tenantId, personIds) {
      const records = new Map<string, PersonRecord>();
      const notReps: string[] = [];
      for (const personId of new Set(personIds)) {
        const rep = await repRecord(store, tenantId, personId);
        if (rep === null) notReps.push(personId);
        else records.set(personId, rep);
      }
      if (notReps.length > 0) {
        const managers = await teamManagers(store, tenantId);
        for (const personId of notReps) {
          if (managers.has(personId)) records.set(personId, { roles: [], salesManager: null });
        }
      }
      return records;
    },
  };
}

async function repRecord(store: EventStore, tenantId: string, repId: string): Promise<PersonRecord | null> {
  const folded = await aggregateStream(store, repDecider, repStream(tenantId, repId), { parse: parseRepEvent });
  if (folded.tenantId !== tenantId || folded.state.status === 'none') return null;
  const roles: DealTeamRole[] = folded.state.status === 'active' ? [...folded.state.roles] : [];
  const teamId = folded.state.teamId;
  return { roles, salesManager: teamId === null ? null : await managerOf(store, tenantId, teamId) };
}

async function managerOf(store: EventStore, tenantId: string, teamId: string): Promise<string | null> {
  const folded = await aggregateStream(store, teamDecider, teamStream(tenantId, teamId), { parse: parseTeamEvent });
  return folded.tenantId === tenantId && folded.state.status === 'exists' ? folded.state.managerId : null;
}

/** Who manages some team of the tenant now: every team stream of the tenant, folded (teams are few). */
async function teamManagers(store: EventStore, tenantId: string): Promise<ReadonlySet<string>> {
  const prefix = teamStream(tenantId, '');
  const events = await store.readAll({ filter: { streamPrefixes: [prefix] } });
  const managerByTeam = new Map<string, string>();
  for (const recorded of events) {
    if (recorded.metadata.tenantId !== tenantId) continue;
    const event = parseTeamEvent(recorded);
    if (event === undefined) continue;
    if (event.type === 'TeamCreated' || event.type === 'TeamManagerChanged') {
      managerByTeam.set(recorded.stream, event.data.managerId);
    }
  }
  return new Set(managerByTeam.values());
}
