import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { CheckpointStore, type ReadModelDb } from '#ltc/projections';
import type { DealTeamRole, PeopleDirectory, PersonRecord } from '#ltc/platform';
import { repDecider } from './domain/rep.decider.js';
import { parseRepEvent } from './domain/rep.events.js';
import { teamDecider } from './domain/team.decider.js';
import { parseTeamEvent } from './domain/team.events.js';
import { repStream, teamStream } from './org-streams.js';
import { orgTeamsDb, orgTeamsProjection } from './read-models/org-teams.projection.js';

/** The rep and team streams, and the read-model database holding `org_teams` and its checkpoint. */
export interface DirectorySources {
  readonly store: EventStore;
  readonly db: ReadModelDb;
}

const checkpoints = new CheckpointStore();

/**
 * The organisation's records of the people a deal names, read from the rep and team streams
 * (brought up to the head where a read model serves as the index): a rep registered or a team
 * created a moment ago is known at once, as `teamExists` does for teams.
 *
 * - a registered rep holds their roles (none while deactivated), and their team's manager is
 *   their sales manager;
 * - someone who is no rep but manages a team is known, holding no triangle role (a sponsor);
 * - anyone else is absent from the answer.
 */
export function peopleDirectory(sources: DirectorySources): PeopleDirectory {
  const { store } = sources;
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
        const managers = await teamManagers(sources, tenantId, notReps);
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

/**
 * Which of `candidates` manage some team of the tenant now. The `org_teams` rows give the
 * teams as of the projection's checkpoint (read first, so the rows are at least that new);
 * the team events after it, from the log, bring that up to the head. Exact with no lag, and
 * without scanning the whole log for each triangle a manager sponsors.
 */
async function teamManagers(
  { store, db }: DirectorySources,
  tenantId: string,
  candidates: readonly string[],
): Promise<ReadonlySet<string>> {
  const checkpoint = await checkpoints.load(db, orgTeamsProjection.name);
  const position = checkpoint?.position ?? null;
  const managerByTeam = new Map<string, string>();
  if (checkpoint !== undefined) {
    const rows = await orgTeamsDb(db)
      .selectFrom('org_teams')
      .select(['team_id', 'manager_id'])
      .where('tenant_id', '=', tenantId)
      .where('manager_id', 'in', candidates)
      .execute();
    for (const row of rows) managerByTeam.set(row.team_id, row.manager_id);
  }
  const newer = await store.readAll({
    ...(position === null ? {} : { after: position }),
    filter: { streamPrefixes: [teamStream(tenantId, '')] },
  });
  for (const recorded of newer) {
    const event = recorded.metadata.tenantId === tenantId ? parseTeamEvent(recorded) : undefined;
    if (event?.type === 'TeamCreated' || event?.type === 'TeamManagerChanged') {
      managerByTeam.set(event.data.teamId, event.data.managerId);
    }
  }
  return new Set(managerByTeam.values());
}
