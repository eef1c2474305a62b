import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * One row per event of the log: who did what, when, why (command, correlation, cause) and a
 * summary for people. The log stays the source of truth; this is its index for histories.
 */
export type AuditTrailRow = {
  /** The global position, zero-padded to 20 digits so that text order is log order on every dialect. */
  position: string;
  tenant_id: string;
  event_id: string;
  stream: string;
  stream_kind: string;
  revision: number;
  type: string;
  /** When it happened by the engine's clock (the event's `at`), else when the store recorded it. */
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string;
  actor_role: string;
  command_id: string;
  correlation_id: string;
  causation_id: string;
  summary: string;
};

/** Which deal each stream's events belong to. */
export type DealStreamRow = {
  tenant_id: string;
  stream: string;
  deal_id: string;
};

/** A stream that hangs off another (a timer off the stream whose event armed it): it shares that one's deal. */
export type StreamParentRow = {
  tenant_id: string;
  stream: string;
  parent_stream: string;
};

/**
 * An entry whose summary holds a data subject's personal values, with the summary it takes
 * when that subject is erased (ADR 0029): the erasure swaps it in without reading the log.
 */
export type PersonalEntryRow = {
  tenant_id: string;
  subject_id: string;
  position: string;
  erased_summary: string;
};

export type AuditTables = {
  audit_trail: AuditTrailRow;
  audit_personal_entries: PersonalEntryRow;
  audit_deal_streams: DealStreamRow;
  audit_stream_parents: StreamParentRow;
};

export const auditDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<AuditTables>();

export const POSITION_DIGITS = 20;
export const paddedPosition = (position: bigint): string => position.toString().padStart(POSITION_DIGITS, '0');
export const plainPosition = (padded: string): string => padded.replace(/^0+(?=\d)/, '');

export async function createAuditTables(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('audit_trail')
    .ifNotExists()
    .addColumn('position', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('stream_kind', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('command_id', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('causation_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_deal_streams')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_deal_streams_pk', ['tenant_id', 'stream'])
    .execute();
  await db.schema
    .createTable('audit_personal_entries')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('erased_summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_personal_entries_pk', ['tenant_id', 'subject_id', 'position'])
    .execute();
  await db.schema
    .createTable('audit_stream_parents')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('parent_stream', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_stream_parents_pk', ['tenant_id', 'stream'])
    .execute();
  await db.schema
    .createIndex('audit_stream_parents_parent')
    .ifNotExists()
    .on('audit_stream_parents')
    .columns(['tenant_id', 'parent_stream'])
    .execute();
  // The cause of an entry is found by event id: the projection itself looks causes up by it, so it stays.
  await db.schema
    .createIndex('audit_trail_event')
    .ifNotExists()
    .on('audit_trail')
    .columns(['tenant_id', 'event_id'])
    .execute();
  await createAuditTrailReadIndexes(db);
  await db.schema
    .createIndex('audit_deal_streams_deal')
    .ifNotExists()
    .on('audit_deal_streams')
    .columns(['tenant_id', 'deal_id'])
    .execute();
}

/**
 * The indexes only readers use (a stream's entries in log order, a person's in log order):
 * dropped while a replay from the beginning refills the trail, and built once it has caught
 * up (`Projection.deferredIndexes`). The trail takes a row per event of the log, so a rebuild
 * writes more rows here than anywhere else; keeping these two up to date row by row cost more
 * than the rows themselves. Idempotent.
 */
export async function createAuditTrailReadIndexes(db: ReadModelDb | ReadModelTransaction): Promise<void> {
  await sql`create index if not exists audit_trail_stream on audit_trail (stream, position)`.execute(db);
  await sql`create index if not exists audit_trail_actor on audit_trail (tenant_id, actor_user_id, position)`.execute(
    db,
  );
}

export async function dropAuditTrailReadIndexes(trx: ReadModelTransaction): Promise<void> {
  await sql`drop index if exists audit_trail_stream`.execute(trx);
  await sql`drop index if exists audit_trail_actor`.execute(trx);
}

export async function clearAuditTables(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from audit_trail`.execute(trx);
  await sql`delete from audit_deal_streams`.execute(trx);
  await sql`delete from audit_stream_parents`.execute(trx);
  await sql`delete from audit_personal_entries`.execute(trx);
}
