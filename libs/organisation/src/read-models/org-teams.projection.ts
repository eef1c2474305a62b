import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
import type { TeamEvent } from '../domain/team.events.js';

/** Row shape of the `org_teams` table. */
export type OrgTeamRow = {
  tenant_id: string;
  team_id: string;
  name: string;
  manager_id: string;
  created_at: string;
  updated_at: string;
  revision: string;
};

export type OrgTeamTables = { org_teams: OrgTeamRow };

export const orgTeamsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<OrgTeamTables>();

/** The team list and team detail read model (`GET /teams`, `GET /teams/{id}`). */
export const orgTeamsProjection: Projection = {
  name: 'org_teams',
  version: 1,
  filter: { streamPrefixes: ['team-'] },

  async setup(db) {
    await db.schema
      .createTable('org_teams')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('manager_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_teams_pk', ['tenant_id', 'team_id'])
      .execute();
  },

  async reset(trx) {
    await orgTeamsDb(trx).deleteFrom('org_teams').execute();
  },

  async apply(trx, recorded) {
    const event = recorded as RecordedEvent & TeamEvent;
    const tenantId = recorded.metadata.tenantId;
    const revision = recorded.revision.toString();
    const update = (teamId: string, values: Partial<OrgTeamRow>) =>
      orgTeamsDb(trx)
        .updateTable('org_teams')
        .set({ ...values, revision })
        .where('tenant_id', '=', tenantId)
        .where('team_id', '=', teamId)
        .execute();

    switch (event.type) {
      case 'TeamCreated': {
        const d = event.data;
        const row: OrgTeamRow = {
          tenant_id: tenantId,
          team_id: d.teamId,
          name: d.name,
          manager_id: d.managerId,
          created_at: d.createdAt,
          updated_at: d.createdAt,
          revision,
        };
        await upsertRow(trx, 'org_teams', row, ['tenant_id', 'team_id']);
        return;
      }
      case 'TeamRenamed':
        await update(event.data.teamId, { name: event.data.name, updated_at: event.data.renamedAt });
        return;
      case 'TeamManagerChanged':
        await update(event.data.teamId, { manager_id: event.data.managerId, updated_at: event.data.changedAt });
        return;
    }
  },
};
