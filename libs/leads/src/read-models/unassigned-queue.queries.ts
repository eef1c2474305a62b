import type { ReadModelDb } from '#ltc/projections';
import { leadListDb } from './lead-list.table.js';
import { unassignedQueueDb } from './unassigned-queue.projection.js';

export interface UnassignedLeadView {
  readonly leadId: string;
  readonly name: string | null;
  readonly company: string | null;
  readonly source: string | null;
  readonly region: string | null;
  readonly teamId: string | null;
  readonly reason: string;
  readonly detail: string;
  readonly waitingSince: string;
  readonly lastDeferredAt: string;
  readonly importBatchId: string | null;
}

export interface UnassignedQueueFilter {
  /** Only these teams' leads and the tenant-wide ones (no team); 'all' = the whole tenant. */
  readonly scope: { readonly teams: readonly string[] } | 'all';
  readonly team?: string;
  readonly reason?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Why the lead waits for routing, or null when it does not (lead detail). */
export async function findRoutingWait(
  db: ReadModelDb,
  tenantId: string,
  leadId: string,
): Promise<{ reason: string; detail: string; teamId: string | null; waitingSince: string } | null> {
  const row = await unassignedQueueDb(db)
    .selectFrom('lead_unassigned_queue')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  return row ? { reason: row.reason, detail: row.detail, teamId: row.team_id, waitingSince: row.waiting_since } : null;
}

/** The leads waiting for routing, oldest first, with the lead's name from the lead list. */
export async function listUnassignedLeads(
  db: ReadModelDb,
  tenantId: string,
  filter: UnassignedQueueFilter,
): Promise<{ items: UnassignedLeadView[]; total: number; limit: number; offset: number }> {
  let query = unassignedQueueDb(db).selectFrom('lead_unassigned_queue').where('tenant_id', '=', tenantId);
  const { scope } = filter;
  if (scope !== 'all') {
    query = query.where((eb) =>
      scope.teams.length === 0
        ? eb('team_id', 'is', null)
        : eb.or([eb('team_id', 'is', null), eb('team_id', 'in', [...scope.teams])]),
    );
  }
  if (filter.team) query = query.where('team_id', '=', filter.team);
  if (filter.reason) query = query.where('reason', '=', filter.reason);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('waiting_since').orderBy('lead_id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string | number | bigint>().as('total')).executeTakeFirst(),
  ]);
  // The lead list may lag the queue by a moment: a lead it does not show yet is listed without its name.
  const names = rows.length
    ? await leadListDb(db)
        .selectFrom('lead_list')
        .select(['lead_id', 'name', 'company', 'source', 'region'])
        .where('tenant_id', '=', tenantId)
        .where(
          'lead_id',
          'in',
          rows.map((row) => row.lead_id),
        )
        .execute()
    : [];
  const byId = new Map(names.map((row) => [row.lead_id, row]));
  return {
    items: rows.map((row) => {
      const lead = byId.get(row.lead_id);
      return {
        leadId: row.lead_id,
        name: lead?.name ?? null,
        company: lead?.company ?? null,
        source: lead?.source ?? null,
        region: lead?.region ?? null,
        teamId: row.team_id,
        reason: row.reason,
        detail: row.detail,
        waitingSince: row.waiting_since,
        lastDeferredAt: row.last_deferred_at,
        importBatchId: row.import_batch_id,
      };
    }),
    total: Number(count?.total ?? 0),
    limit: filter.limit,
    offset: filter.offset,
  };
}
