import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
import type { RepEvent } from '../domain/rep.events.js';
import type { Territories } from '../domain/rep.types.js';

/** Row shape of the `org_reps` table: one row per rep with every current field. Lists are JSON text. */
export type OrgRepRow = {
  tenant_id: string;
  rep_id: string;
  name: string;
  email: string;
  /** JSON array of `ar` / `sr` / `fr`, in that order. */
  roles: string;
  team_id: string | null;
  regions: string;
  languages: string;
  industries: string;
  deal_size_bands: string;
  max_open_leads: number;
  daily_quota: number;
  availability: string;
  /** ISO time (always `toISOString()` form, so text comparison is time order); set only when away. */
  away_until: string | null;
  /** 1 = active, 0 = deactivated. */
  active: number;
  deactivated_at: string | null;
  registered_at: string;
  updated_at: string;
  revision: string;
};

export type OrgRepTables = { org_reps: OrgRepRow };

export const orgRepsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<OrgRepTables>();

/** The rep directory (`GET /reps`, `GET /reps/{id}`) and the source of routable reps for lead distribution. */
export const orgRepsProjection: Projection = {
  name: 'org_reps',
  version: 1,
  filter: { streamPrefixes: ['rep-'] },

  async setup(db) {
    await db.schema
      .createTable('org_reps')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('rep_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('regions', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('industries', 'text', (c) => c.notNull())
      .addColumn('deal_size_bands', 'text', (c) => c.notNull())
      .addColumn('max_open_leads', 'integer', (c) => c.notNull())
      .addColumn('daily_quota', 'integer', (c) => c.notNull())
      .addColumn('availability', 'text', (c) => c.notNull())
      .addColumn('away_until', 'text')
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('deactivated_at', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_reps_pk', ['tenant_id', 'rep_id'])
      .execute();
    await db.schema
      .createIndex('org_reps_by_team')
      .ifNotExists()
      .on('org_reps')
      .columns(['tenant_id', 'team_id'])
      .execute();
  },

  async reset(trx) {
    await orgRepsDb(trx).deleteFrom('org_reps').execute();
  },

  async apply(trx, recorded) {
    const event = recorded as RecordedEvent & RepEvent;
    const tenantId = recorded.metadata.tenantId;
    const revision = recorded.revision.toString();
    const update = (repId: string, values: Partial<OrgRepRow>) =>
      orgRepsDb(trx)
        .updateTable('org_reps')
        .set({ ...values, revision })
        .where('tenant_id', '=', tenantId)
        .where('rep_id', '=', repId)
        .execute();

    switch (event.type) {
      case 'RepRegistered': {
        const d = event.data;
        const row: OrgRepRow = {
          tenant_id: tenantId,
          rep_id: d.repId,
          name: d.name,
          email: d.email,
          roles: JSON.stringify(d.roles),
          team_id: d.teamId,
          ...territoryColumns(d.territories),
          max_open_leads: d.capacity.maxOpenLeads,
          daily_quota: d.capacity.dailyQuota,
          availability: 'active',
          away_until: null,
          active: 1,
          deactivated_at: null,
          registered_at: d.registeredAt,
          updated_at: d.registeredAt,
          revision,
        };
        await upsertRow(trx, 'org_reps', row, ['tenant_id', 'rep_id']);
        return;
      }
      case 'RepProfileChanged': {
        const d = event.data;
        await update(d.repId, {
          name: d.name,
          email: d.email,
          roles: JSON.stringify(d.roles),
          team_id: d.teamId,
          ...territoryColumns(d.territories),
          updated_at: d.changedAt,
        });
        return;
      }
      case 'RepCapacityChanged': {
        const d = event.data;
        await update(d.repId, {
          max_open_leads: d.capacity.maxOpenLeads,
          daily_quota: d.capacity.dailyQuota,
          updated_at: d.changedAt,
        });
        return;
      }
      case 'RepAvailabilityChanged': {
        const { availability, repId, changedAt } = event.data;
        await update(repId, {
          availability: availability.status,
          away_until: availability.status === 'away' ? availability.until : null,
          updated_at: changedAt,
        });
        return;
      }
      case 'RepDeactivated':
        await update(event.data.repId, {
          active: 0,
          deactivated_at: event.data.deactivatedAt,
          updated_at: event.data.deactivatedAt,
        });
        return;
      case 'RepReactivated':
        await update(event.data.repId, { active: 1, deactivated_at: null, updated_at: event.data.reactivatedAt });
        return;
    }
  },
};

function territoryColumns(t: Territories) {
  return {
    regions: JSON.stringify(t.regions),
    languages: JSON.stringify(t.languages),
    industries: JSON.stringify(t.industries),
    deal_size_bands: JSON.stringify(t.dealSizeBands),
  };
}
