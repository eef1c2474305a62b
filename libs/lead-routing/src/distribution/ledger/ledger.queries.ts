import { sql } from 'kysely';
import { MS_PER_DAY } from '../domain/distribution-policy.js';
import type { RepLoad } from '../domain/rep-candidate.js';
import { ledgerDb, type Db } from './distribution-ledger.js';

/** The trailing window of the top-producer conversion rate. */
export const PERFORMANCE_WINDOW_DAYS = 90;

/**
 * Every rep's load in a tenant, counted from the ledger: open leads, assignments since
 * the start of today (UTC), the last assignment, and the trailing window's assignments
 * and conversions. Reps without rows are absent (their load is zero).
 */
export async function repLoads(db: Db, tenantId: string, now: Date): Promise<Map<string, RepLoad>> {
  const dayStart = new Date(Math.floor(now.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString();
  const windowStart = new Date(now.getTime() - PERFORMANCE_WINDOW_DAYS * MS_PER_DAY).toISOString();
  const rows = await ledgerDb(db)
    .selectFrom('lead_distribution_ledger')
    .select((eb) => [
      'rep_id',
      sql<unknown>`sum(case when open = 1 then 1 else 0 end)`.as('open_leads'),
      sql<unknown>`sum(case when assigned_at >= ${dayStart} then 1 else 0 end)`.as('today'),
      sql<unknown>`sum(case when assigned_at >= ${windowStart} then 1 else 0 end)`.as('recent'),
      sql<unknown>`sum(case when assigned_at >= ${windowStart} and outcome = 'converted' then 1 else 0 end)`.as(
        'converted',
      ),
      eb.fn.max('assigned_at').as('last_at'),
      eb.fn.max('assigned_seq').as('last_seq'),
    ])
    .where('tenant_id', '=', tenantId)
    .groupBy('rep_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.rep_id,
      {
        openLeads: Number(row.open_leads ?? 0),
        assignedToday: Number(row.today ?? 0),
        lastAssignedAt: row.last_at ?? null,
        lastAssignedSeq: row.last_seq ?? null,
        recentAssigned: Number(row.recent ?? 0),
        recentConverted: Number(row.converted ?? 0),
      },
    ]),
  );
}

/** Open leads a rep holds, by the ledger. */
export async function openLeadsOf(db: Db, tenantId: string, repId: string): Promise<number> {
  const row = await ledgerDb(db)
    .selectFrom('lead_distribution_ledger')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('open_leads'))
    .where('tenant_id', '=', tenantId)
    .where('rep_id', '=', repId)
    .where('open', '=', 1)
    .executeTakeFirst();
  return Number(row?.open_leads ?? 0);
}

/** The leads a rep holds open now, by the ledger (exact as of the event routing is handling). */
export async function openLeadIdsOf(db: Db, tenantId: string, repId: string): Promise<string[]> {
  const rows = await ledgerDb(db)
    .selectFrom('lead_distribution_ledger')
    .select('lead_id')
    .where('tenant_id', '=', tenantId)
    .where('rep_id', '=', repId)
    .where('open', '=', 1)
    .orderBy('lead_id')
    .execute();
  return rows.map((row) => row.lead_id);
}
