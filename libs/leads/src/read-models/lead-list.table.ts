import { sql } from 'kysely';
import { addMissingColumns, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import { createLeadListSideTables } from './lead-list.side-tables.js';
import { createLeadSearchIndex, dialectOf } from './lead-list.search.js';

/** Row shape of `lead_list`: one row per lead, everything the lists, filters and detail need. */
export type LeadListRow = {
  tenant_id: string;
  lead_id: string;
  status: string;
  name: string;
  company: string | null;
  contact_person: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  region: string | null;
  language: string | null;
  industry: string | null;
  /** In major units, for the `estimatedDealSize` number older clients read; `deal_size_*` hold the exact amount. */
  estimated_deal_size: number | null;
  /** Integer minor units (a string or bigint from PostgreSQL's bigint). */
  deal_size_minor: number | string | null;
  deal_size_currency: string | null;
  /** The sales team whose policy routes the lead (given at capture or set by a routing rule). */
  team: string | null;
  direction: string;
  notes: string | null;
  complete: number;
  score: number | null;
  tier: string | null;
  model_version: number | null;
  score_breakdown: string | null;
  owner_id: string | null;
  assignment_method: string | null;
  assignment_reason: string | null;
  assigned_at: string | null;
  response_due_at: string | null;
  first_contact_at: string | null;
  attempts: number;
  attempt_target: number | null;
  /** none (no owner yet) · pending · warning · breached · met · missed (first contact came after a breach). */
  sla_state: string;
  pool_method: string | null;
  offer_rep_id: string | null;
  offer_expires_at: string | null;
  /** JSON array of `category:tag`. */
  tags: string;
  /** `|category:tag|…|`: kept for readers of older versions; the tag filter reads lead_list_tags. */
  tags_index: string;
  touches: number;
  interactions: number;
  qualified_at: string | null;
  disqualify_reason: string | null;
  reactivate_on: string | null;
  deal_id: string | null;
  /** The service ticket that raised the lead (source `service`); null when none did. */
  raised_from_ticket: string | null;
  captured_at: string;
  updated_at: string;
  revision: string;
  search_text: string;
};

export type LeadListTables = { lead_list: LeadListRow };

export const leadListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadListTables>();

/** Every column but the key, kept in one list so the bulk upsert never forgets one. */
export const UPDATABLE_COLUMNS = [
  'status',
  'name',
  'company',
  'contact_person',
  'email',
  'phone',
  'source',
  'region',
  'language',
  'industry',
  'estimated_deal_size',
  'deal_size_minor',
  'deal_size_currency',
  'team',
  'direction',
  'notes',
  'complete',
  'score',
  'tier',
  'model_version',
  'score_breakdown',
  'owner_id',
  'assignment_method',
  'assignment_reason',
  'assigned_at',
  'response_due_at',
  'first_contact_at',
  'attempts',
  'attempt_target',
  'sla_state',
  'pool_method',
  'offer_rep_id',
  'offer_expires_at',
  'tags',
  'tags_index',
  'touches',
  'interactions',
  'qualified_at',
  'disqualify_reason',
  'reactivate_on',
  'deal_id',
  'raised_from_ticket',
  'captured_at',
  'updated_at',
  'revision',
  'search_text',
] as const satisfies readonly Exclude<keyof LeadListRow, 'tenant_id' | 'lead_id'>[];

/** Creates `lead_list` and its indexes if missing (portable DDL: SQLite and PostgreSQL). */
export async function createLeadListTable(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_list')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('language', 'text')
    .addColumn('industry', 'text')
    .addColumn('estimated_deal_size', 'double precision')
    .addColumn('deal_size_minor', 'bigint')
    .addColumn('deal_size_currency', 'text')
    .addColumn('team', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('tier', 'text')
    .addColumn('model_version', 'integer')
    .addColumn('score_breakdown', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('assignment_method', 'text')
    .addColumn('assignment_reason', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('response_due_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('attempt_target', 'integer')
    .addColumn('sla_state', 'text', (c) => c.notNull())
    .addColumn('pool_method', 'text')
    .addColumn('offer_rep_id', 'text')
    .addColumn('offer_expires_at', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('tags_index', 'text', (c) => c.notNull())
    .addColumn('touches', 'integer', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('qualified_at', 'text')
    .addColumn('disqualify_reason', 'text')
    .addColumn('reactivate_on', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('raised_from_ticket', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_list_pk', ['tenant_id', 'lead_id'])
    .execute();
  await addMissingColumns(db, 'lead_list', LATER_COLUMNS);
  for (const retired of RETIRED_INDEXES) await db.schema.dropIndex(retired).ifExists().execute();
  await createLeadListIndexes(db);
  await createLeadListSideTables(db);
}

/** The filter indexes and the search index, where missing (idempotent). */
export async function createLeadListIndexes(db: ReadModelDb | ReadModelTransaction): Promise<void> {
  for (const [name, columns] of LEAD_LIST_INDEXES) {
    await sql`create index if not exists ${sql.id(name)} on lead_list (${sql.raw(columns)})`.execute(db);
  }
  await createLeadSearchIndex(db);
}

/**
 * Drops the filter indexes (and PostgreSQL's search index) before a rebuild refills the
 * table: measured on SQLite, inserting rows into `lead_list` with its twelve indexes in
 * place ran ~10× slower than without them, and building each index once over the full
 * table costs far less. SQLite's search index stays: its triggers cost little.
 */
export async function dropLeadListIndexes(trx: ReadModelTransaction): Promise<void> {
  for (const [name] of LEAD_LIST_INDEXES) await sql`drop index if exists ${sql.id(name)}`.execute(trx);
  if (dialectOf(trx) === 'postgres') await sql`drop index if exists lead_list_search`.execute(trx);
}

/** Replaced in version 6 by the indexes below, which end in the sort keys. */
const RETIRED_INDEXES = ['lead_list_by_capture', 'lead_list_by_owner', 'lead_list_by_status', 'lead_list_by_team'];

/** The work order (tier A first, highest score, oldest), spelled as `listLeads` sorts by it. */
export const PRIORITY_KEYS = "coalesce(tier, 'Z'), coalesce(score, -1) desc, captured_at, lead_id";

/**
 * One index per filter of `GET /leads`, each led by the tenant and the filtered column
 * and ending in the sort key, so any filter (alone, or with others checked on the rows
 * it finds) reads only matching rows in page order: no filter ever scans the table. The
 * pool and a rep's work list sort by priority, so status and owner have that order too.
 * Tags and text search have their own indexes (lead-list.side-tables.ts, lead-list.search.ts).
 */
const LEAD_LIST_INDEXES: readonly (readonly [string, string])[] = [
  ['lead_list_newest', 'tenant_id, captured_at, lead_id'],
  ['lead_list_status_newest', 'tenant_id, status, captured_at, lead_id'],
  ['lead_list_status_priority', `tenant_id, status, ${PRIORITY_KEYS}`],
  ['lead_list_owner_newest', 'tenant_id, owner_id, captured_at, lead_id'],
  ['lead_list_owner_priority', `tenant_id, owner_id, ${PRIORITY_KEYS}`],
  ['lead_list_offered_to', 'tenant_id, offer_rep_id'],
  ['lead_list_source_newest', 'tenant_id, source, captured_at, lead_id'],
  ['lead_list_region_newest', 'tenant_id, region, captured_at, lead_id'],
  ['lead_list_team_newest', 'tenant_id, team, captured_at, lead_id'],
  ['lead_list_tier_newest', 'tenant_id, tier, captured_at, lead_id'],
  ['lead_list_sla_newest', 'tenant_id, sla_state, captured_at, lead_id'],
  ['lead_list_pool_method', 'tenant_id, pool_method, captured_at, lead_id'],
];

/** Columns added after the table first shipped: an existing table gets them (the version bump then rebuilds the rows). */
const LATER_COLUMNS = [
  ['deal_size_minor', 'bigint'],
  ['deal_size_currency', 'text'],
  ['team', 'text'],
  ['raised_from_ticket', 'text'],
] as const;
