import type { Kysely } from 'kysely';
import { upsertRow, type ReadModelDb } from '#ltc/projections';

/**
 * The next contact attempt each owned lead is due for (docs/domain.md › Leads ›
 * Speed and persistence: about six attempts
 * work best, the usual is 1.5). Before the first attempt it is due by the response
 * target; after each unsuccessful attempt, one cadence gap later; a lead drops out once
 * reached, once its tier's attempts are made, or when it leaves its owner.
 */
export type AttemptsDueRow = {
  tenant_id: string;
  lead_id: string;
  owner_id: string;
  attempts: number;
  target: number;
  next_attempt_due_at: string;
  last_attempt_at: string | null;
  updated_at: string;
};

type Tables = { lead_attempts_due: AttemptsDueRow };

const attemptsDb = (db: ReadModelDb): Kysely<Tables> => db.withTables<Tables>();

export async function setupLeadAttemptsDue(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_attempts_due')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_due_at', 'text', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_attempts_due_pk', ['tenant_id', 'lead_id'])
    .execute();
  await db.schema
    .createIndex('lead_attempts_due_by_owner')
    .ifNotExists()
    .on('lead_attempts_due')
    .columns(['tenant_id', 'owner_id', 'next_attempt_due_at'])
    .execute();
}

export async function setAttemptsDue(db: ReadModelDb, row: AttemptsDueRow): Promise<void> {
  await upsertRow(db, 'lead_attempts_due', row, ['tenant_id', 'lead_id']);
}

export async function clearAttemptsDue(db: ReadModelDb, tenantId: string, leadId: string): Promise<void> {
  await attemptsDb(db)
    .deleteFrom('lead_attempts_due')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
}

export async function findAttemptsDue(
  db: ReadModelDb,
  tenantId: string,
  leadId: string,
): Promise<AttemptsDueRow | undefined> {
  return attemptsDb(db)
    .selectFrom('lead_attempts_due')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
}

export interface AttemptDueView {
  readonly leadId: string;
  readonly ownerId: string;
  readonly attempts: number;
  readonly target: number;
  readonly nextAttemptDueAt: string;
  readonly lastAttemptAt: string | null;
  readonly overdue: boolean;
}

/** A rep's leads by when the next attempt is due, soonest (most overdue) first. */
export async function listAttemptsDue(
  db: ReadModelDb,
  tenantId: string,
  ownerId: string,
  now: Date,
  page: { readonly limit: number; readonly offset: number; readonly overdueOnly: boolean },
): Promise<{ items: AttemptDueView[]; limit: number; offset: number }> {
  let query = attemptsDb(db)
    .selectFrom('lead_attempts_due')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('owner_id', '=', ownerId);
  if (page.overdueOnly) query = query.where('next_attempt_due_at', '<=', now.toISOString());
  const rows = await query
    .orderBy('next_attempt_due_at')
    .orderBy('lead_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    items: rows.map((row) => ({
      leadId: row.lead_id,
      ownerId: row.owner_id,
      attempts: Number(row.attempts),
      target: Number(row.target),
      nextAttemptDueAt: row.next_attempt_due_at,
      lastAttemptAt: row.last_attempt_at,
      overdue: row.next_attempt_due_at <= now.toISOString(),
    })),
    limit: page.limit,
    offset: page.offset,
  };
}

export async function resetLeadAttemptsDue(db: ReadModelDb): Promise<void> {
  await attemptsDb(db).deleteFrom('lead_attempts_due').execute();
}
