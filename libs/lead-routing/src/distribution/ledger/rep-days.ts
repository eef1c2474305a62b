import { sql, type Kysely } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Assignments per rep and UTC day of `assigned_at`, and how many of them ended converted:
 * the ledger's counts kept up to date with it, so a routing decision reads a rep's
 * day and 90-day window from a few rows instead of summing the whole ledger (measured:
 * 1.1 ms per decision at 6,000 leads, growing with every lead; a third of the capture
 * path's database time). Only `lead_distribution_ledger`'s own writes change it, through
 * {@link countingAssignments}, in their transaction.
 */
export type RepDayRow = {
  tenant_id: string;
  rep_id: string;
  /** `YYYY-MM-DD` of the assignments' `assigned_at`. */
  day: string;
  assigned: number;
  converted: number;
};

/**
 * Open leads per rep: what a decision checks against capacity on every lead, and what
 * grows with a rep's book (measured: counting them through the ledger's index took most
 * of routing's time once reps held thousands of open leads). Kept with the day counts.
 */
export type RepOpenRow = {
  tenant_id: string;
  rep_id: string;
  open_leads: number;
};

type RepDayTables = { lead_rep_days: RepDayRow; lead_rep_open: RepOpenRow };
type Db = ReadModelDb | ReadModelTransaction;

export const repDaysDb = (db: Db): Kysely<RepDayTables> => db.withTables<RepDayTables>();

/** The day an `assigned_at` (ISO-8601 UTC) counts on. */
export const dayOf = (assignedAt: string): string => assignedAt.slice(0, 10);

/**
 * Creates the table; on a store whose ledger predates it, fills it from the ledger once.
 * Every process runs this at start, possibly at once: the fill inserts nothing that is
 * already there, so a second one adds nothing.
 */
export async function setupRepDays(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_rep_days')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('rep_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('assigned', 'integer', (c) => c.notNull())
    .addColumn('converted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_rep_days_pk', ['tenant_id', 'rep_id', 'day'])
    .execute();
  await db.schema
    .createTable('lead_rep_open')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('rep_id', 'text', (c) => c.notNull())
    .addColumn('open_leads', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_rep_open_pk', ['tenant_id', 'rep_id'])
    .execute();
  await db.transaction().execute(async (trx) => {
    const opened = await repDaysDb(trx).selectFrom('lead_rep_open').select('rep_id').limit(1).executeTakeFirst();
    if (opened) return;
    await sql`
      insert into lead_rep_open (tenant_id, rep_id, open_leads)
      select tenant_id, rep_id, count(*) from lead_distribution_ledger
      where open = 1
      group by tenant_id, rep_id
      on conflict (tenant_id, rep_id) do nothing`.execute(trx);
  });
  await db.transaction().execute(async (trx) => {
    const counted = await repDaysDb(trx).selectFrom('lead_rep_days').select('day').limit(1).executeTakeFirst();
    if (counted) return;
    await sql`
      insert into lead_rep_days (tenant_id, rep_id, day, assigned, converted)
      select tenant_id, rep_id, substr(assigned_at, 1, 10), count(*),
             sum(case when outcome = 'converted' then 1 else 0 end)
      from lead_distribution_ledger
      where true
      group by tenant_id, rep_id, substr(assigned_at, 1, 10)
      on conflict (tenant_id, rep_id, day) do nothing`.execute(trx);
  });
}

/** Empties the counts with the ledger (a rebuild of routing's state). */
export async function resetRepDays(db: Db): Promise<void> {
  await repDaysDb(db).deleteFrom('lead_rep_days').execute();
  await repDaysDb(db).deleteFrom('lead_rep_open').execute();
}

type CountedRow = {
  readonly rep_id: string;
  readonly assigned_at: string;
  readonly outcome: string | null;
  readonly open: number;
};

/**
 * Runs a change of one lead's ledger rows and moves the counts by what it changed: the
 * lead's rows (a handful) are read before and after, so no write path has to work out
 * its own effect on the counts. Call inside the change's transaction.
 */
export async function countingAssignments<T>(
  trx: Db,
  tenantId: string,
  leadId: string,
  change: () => Promise<T>,
): Promise<T> {
  const before = await countedRowsOf(trx, tenantId, leadId);
  const result = await change();
  const after = await countedRowsOf(trx, tenantId, leadId);
  await addToCounts(trx, tenantId, countDelta(before, after));
  await addToOpen(trx, tenantId, openDelta(before, after));
  return result;
}

function countedRowsOf(db: Db, tenantId: string, leadId: string): Promise<CountedRow[]> {
  return db
    .withTables<{ lead_distribution_ledger: CountedRow & { tenant_id: string; lead_id: string } }>()
    .selectFrom('lead_distribution_ledger')
    .select(['rep_id', 'assigned_at', 'outcome', 'open'])
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
}

interface Delta {
  readonly repId: string;
  readonly day: string;
  assigned: number;
  converted: number;
}

/** Per rep and day, what `after` has more (or less) than `before`; keys that did not move are left out. */
export function countDelta(before: readonly CountedRow[], after: readonly CountedRow[]): Delta[] {
  const deltas = new Map<string, Delta>();
  const add = (row: CountedRow, sign: 1 | -1): void => {
    const day = dayOf(row.assigned_at);
    const key = `${row.rep_id}\u0000${day}`;
    const delta = deltas.get(key) ?? { repId: row.rep_id, day, assigned: 0, converted: 0 };
    delta.assigned += sign;
    if (row.outcome === 'converted') delta.converted += sign;
    deltas.set(key, delta);
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...deltas.values()].filter((delta) => delta.assigned !== 0 || delta.converted !== 0);
}

/** Per rep, how many more (or fewer) open rows `after` has than `before`; reps that did not move are left out. */
export function openDelta(before: readonly CountedRow[], after: readonly CountedRow[]): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (row: CountedRow, sign: 1 | -1): void => {
    if (Number(row.open) === 1) deltas.set(row.rep_id, (deltas.get(row.rep_id) ?? 0) + sign);
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return new Map([...deltas].filter(([, delta]) => delta !== 0));
}

async function addToOpen(db: Db, tenantId: string, deltas: ReadonlyMap<string, number>): Promise<void> {
  for (const [repId, delta] of deltas) {
    await repDaysDb(db)
      .insertInto('lead_rep_open')
      .values({ tenant_id: tenantId, rep_id: repId, open_leads: delta })
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'rep_id'])
          .doUpdateSet({ open_leads: sql<number>`lead_rep_open.open_leads + excluded.open_leads` }),
      )
      .execute();
    await repDaysDb(db)
      .deleteFrom('lead_rep_open')
      .where('tenant_id', '=', tenantId)
      .where('rep_id', '=', repId)
      .where('open_leads', '=', 0)
      .execute();
  }
}

async function addToCounts(db: Db, tenantId: string, deltas: readonly Delta[]): Promise<void> {
  for (const { repId, day, assigned, converted } of deltas) {
    await repDaysDb(db)
      .insertInto('lead_rep_days')
      .values({ tenant_id: tenantId, rep_id: repId, day, assigned, converted })
      .onConflict((conflict) =>
        conflict.columns(['tenant_id', 'rep_id', 'day']).doUpdateSet({
          assigned: sql<number>`lead_rep_days.assigned + excluded.assigned`,
          converted: sql<number>`lead_rep_days.converted + excluded.converted`,
        }),
      )
      .execute();
    // A day left with nothing is no row, so the counts equal a fresh fill from the ledger.
    await repDaysDb(db)
      .deleteFrom('lead_rep_days')
      .where('tenant_id', '=', tenantId)
      .where('rep_id', '=', repId)
      .where('day', '=', day)
      .where('assigned', '=', 0)
      .where('converted', '=', 0)
      .execute();
  }
}
