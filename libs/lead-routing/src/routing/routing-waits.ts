import type { Kysely } from 'kysely';
import { upsertRow, type ReadModelDb } from '#ltc/projections';

/**
 * The leads routing could not place, as the routing process manager knows them: written when
 * it decides that nobody can take a lead (before the command, like the ledger) and again from
 * `LeadRoutingDeferred` (so a rebuild finds them), removed when it handles the lead's next
 * owner, offer, pool entry, parking or closing. Like the ledger it is exact as of the event being handled, which
 * a read model fed by its own subscription is not: when a rep's capacity is raised, every lead
 * deferred before that event is here. (`GET /leads/unassigned` reads the rebuildable
 * `lead_unassigned_queue` projection instead.)
 */
export type RoutingWaitRow = {
  tenant_id: string;
  lead_id: string;
  /** The team whose reps routing tried (`default` = every rep of the tenant). */
  team_id: string;
  reason: string;
  since: string;
  /** Global position of the first deferral, zero-padded: oldest first, ties in stream order. */
  since_seq: string;
};

type Tables = { lead_routing_waits: RoutingWaitRow };

const waitsDb = (db: ReadModelDb): Kysely<Tables> => db.withTables<Tables>();

export async function setupRoutingWaits(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_routing_waits')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('since_seq', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_routing_waits_pk', ['tenant_id', 'lead_id'])
    .execute();
  await db.schema
    .createIndex('lead_routing_waits_by_team')
    .ifNotExists()
    .on('lead_routing_waits')
    .columns(['tenant_id', 'team_id', 'since_seq'])
    .execute();
}

/** The lead waits (again, perhaps for another reason): its place in the queue stays the first deferral's. */
export async function recordWait(
  db: ReadModelDb,
  wait: { readonly tenantId: string; readonly leadId: string; readonly teamId: string; readonly reason: string },
  at: string,
  sequence: string,
): Promise<void> {
  const row: RoutingWaitRow = {
    tenant_id: wait.tenantId,
    lead_id: wait.leadId,
    team_id: wait.teamId,
    reason: wait.reason,
    since: at,
    since_seq: sequence,
  };
  await upsertRow(db, 'lead_routing_waits', row, ['tenant_id', 'lead_id'], ['team_id', 'reason']);
}

export async function clearWait(db: ReadModelDb, tenantId: string, leadId: string): Promise<void> {
  await waitsDb(db)
    .deleteFrom('lead_routing_waits')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
}

/** The waiting leads of these teams, oldest first. */
export async function waitingLeads(
  db: ReadModelDb,
  tenantId: string,
  teams: readonly string[],
): Promise<{ leadId: string; teamId: string }[]> {
  if (teams.length === 0) return [];
  const rows = await waitsDb(db)
    .selectFrom('lead_routing_waits')
    .select(['lead_id', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'in', [...teams])
    .orderBy('since_seq')
    .orderBy('lead_id')
    .execute();
  return rows.map((row) => ({ leadId: row.lead_id, teamId: row.team_id }));
}

export async function resetRoutingWaits(db: ReadModelDb): Promise<void> {
  await waitsDb(db).deleteFrom('lead_routing_waits').execute();
}
