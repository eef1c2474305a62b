import { sql } from 'kysely';
import { MS_PER_DAY } from '../domain/distribution-policy.js';
import type { RepLoad } from '../domain/rep-candidate.js';
import { ledgerDb, type Db } from './distribution-ledger.js';
import { dayOf, repDaysDb } from './rep-days.js';

/** The trailing window of the top-producer conversion rate. */
export const PERFORMANCE_WINDOW_DAYS = 90;

/**
 * Reps' loads in a tenant: open leads, assignments since the start of today (UTC), the
 * last assignment, and the trailing window's assignments and conversions. `repIds`: the
 * reps to count (a routing decision's candidates); omitted, every rep who ever got a lead.
 * Reps without rows are absent (their load is zero).
 *
 * Each figure is read through an index or from the counts kept with the ledger
 * (`lead_rep_open`, `lead_rep_days`), never by summing the ledger: the window's whole days
 * come from the day counts, and only its first, partial day is counted from ledger rows, so the figures are exactly what a count over the
 * ledger gives (specified against one in the ledger's specs).
 */
export async function repLoads(
  db: Db,
  tenantId: string,
  now: Date,
  repIds?: readonly string[],
): Promise<Map<string, RepLoad>> {
  if (repIds !== undefined && repIds.length === 0) return new Map();
  const dayStart = new Date(Math.floor(now.getTime() / MS_PER_DAY) * MS_PER_DAY);
  const windowStart = new Date(now.getTime() - PERFORMANCE_WINDOW_DAYS * MS_PER_DAY);
  const firstDay = dayOf(windowStart.toISOString());
  const firstDayEnd = new Date(Date.parse(`${firstDay}T00:00:00.000Z`) + MS_PER_DAY).toISOString();
  const reps =
    repIds === undefined
      ? sql`select distinct rep_id from lead_rep_days where tenant_id = ${tenantId}`
      : sql`values ${sql.join(repIds.map((repId) => sql`(${repId})`))}`;
  const ledger = sql`lead_distribution_ledger l where l.tenant_id = ${tenantId} and l.rep_id = reps.rep_id`;
  const days = sql`lead_rep_days d where d.tenant_id = ${tenantId} and d.rep_id = reps.rep_id`;
  const firstDayRows = sql`${ledger} and l.assigned_at >= ${windowStart.toISOString()} and l.assigned_at < ${firstDayEnd}`;
  const { rows } = await sql<LoadRow>`
    with reps (rep_id) as (${reps})
    select reps.rep_id as rep_id,
      (select coalesce(sum(o.open_leads), 0) from lead_rep_open o
        where o.tenant_id = ${tenantId} and o.rep_id = reps.rep_id) as open_leads,
      (select max(l.assigned_at) from ${ledger}) as last_at,
      (select max(l.assigned_seq) from ${ledger}) as last_seq,
      (select coalesce(sum(d.assigned), 0) from ${days} and d.day >= ${dayOf(dayStart.toISOString())}) as today,
      (select coalesce(sum(d.assigned), 0) from ${days} and d.day > ${firstDay}) as recent_days,
      (select coalesce(sum(d.converted), 0) from ${days} and d.day > ${firstDay}) as converted_days,
      (select count(*) from ${firstDayRows}) as recent_first_day,
      (select count(*) from ${firstDayRows} and l.outcome = 'converted') as converted_first_day
    from reps`.execute(db);
  const loads = new Map<string, RepLoad>();
  for (const row of rows) {
    // No ledger row at all: not a rep who ever got a lead.
    if (row.last_seq === null) continue;
    loads.set(row.rep_id, {
      openLeads: Number(row.open_leads),
      assignedToday: Number(row.today),
      lastAssignedAt: row.last_at,
      lastAssignedSeq: row.last_seq,
      recentAssigned: Number(row.recent_days) + Number(row.recent_first_day),
      recentConverted: Number(row.converted_days) + Number(row.converted_first_day),
    });
  }
  return loads;
}

type Count = number | bigint | string;

interface LoadRow {
  readonly rep_id: string;
  readonly open_leads: Count;
  readonly last_at: string | null;
  readonly last_seq: string | null;
  readonly today: Count;
  readonly recent_days: Count;
  readonly converted_days: Count;
  readonly recent_first_day: Count;
  readonly converted_first_day: Count;
}

/** Open leads a rep holds, by the ledger. */
export async function openLeadsOf(db: Db, tenantId: string, repId: string): Promise<number> {
  const row = await repDaysDb(db)
    .selectFrom('lead_rep_open')
    .select('open_leads')
    .where('tenant_id', '=', tenantId)
    .where('rep_id', '=', repId)
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
