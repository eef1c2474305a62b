import { sql } from 'kysely';
import { upsertMany, type BulkUpsertShape, type ReadModelTransaction } from '#ltc/projections';
import { type LeadListSideTables, type LeadListTagRow } from './lead-list.side-tables.js';
import { UPDATABLE_COLUMNS, type LeadListRow } from './lead-list.table.js';

/** A lead row as a batch leaves it, with the row it replaced (none for a new lead). */
export interface LeadRowChange {
  readonly before: LeadListRow | undefined;
  readonly after: LeadListRow;
}

const ROWS_PER_STATEMENT = 200;

const LEAD_ROWS: BulkUpsertShape<LeadListRow> = {
  table: 'lead_list',
  columns: ['tenant_id', 'lead_id', ...UPDATABLE_COLUMNS],
  key: ['tenant_id', 'lead_id'],
  update: UPDATABLE_COLUMNS,
  // As `createLeadListTable` declares them; every other column is text.
  pgTypes: {
    estimated_deal_size: 'double precision',
    deal_size_minor: 'bigint',
    complete: 'integer',
    score: 'integer',
    model_version: 'integer',
    attempts: 'integer',
    attempt_target: 'integer',
    touches: 'integer',
    interactions: 'integer',
  },
};

const TAG_ROWS: BulkUpsertShape<LeadListTagRow> = {
  table: 'lead_list_tags',
  columns: ['tenant_id', 'tag', 'lead_id'],
  key: ['tenant_id', 'tag', 'lead_id'],
  update: [],
};

/** Writes the changed lead rows (multi-row upserts) and keeps the tag and count tables in step. */
export async function saveLeadRows(trx: ReadModelTransaction, changes: readonly LeadRowChange[]): Promise<void> {
  await upsertMany(
    trx,
    LEAD_ROWS,
    changes.map((change) => change.after),
  );
  await saveTags(trx, changes);
  await saveCounts(trx, changes);
}

function tagKeys(row: LeadListRow | undefined): Set<string> {
  const tags = row ? (JSON.parse(row.tags) as string[]) : [];
  return new Set(tags.flatMap((tag) => [tag, `:${tag.slice(tag.indexOf(':') + 1)}`]));
}

async function saveTags(trx: ReadModelTransaction, changes: readonly LeadRowChange[]): Promise<void> {
  const added: LeadListTagRow[] = [];
  for (const { before, after } of changes) {
    if (before?.tags === after.tags) continue;
    const was = tagKeys(before);
    const is = tagKeys(after);
    const removed = [...was].filter((key) => !is.has(key));
    if (removed.length > 0) {
      await trx
        .withTables<LeadListSideTables>()
        .deleteFrom('lead_list_tags')
        .where('tenant_id', '=', after.tenant_id)
        .where('lead_id', '=', after.lead_id)
        .where('tag', 'in', removed)
        .execute();
    }
    for (const key of is) {
      if (!was.has(key)) added.push({ tenant_id: after.tenant_id, tag: key, lead_id: after.lead_id });
    }
  }
  await upsertMany(trx, TAG_ROWS, added);
}

async function saveCounts(trx: ReadModelTransaction, changes: readonly LeadRowChange[]): Promise<void> {
  const deltas = new Map<string, { tenant_id: string; status: string; leads: number }>();
  const add = (tenantId: string, status: string, delta: number): void => {
    const key = `${tenantId}\u0000${status}`;
    const entry = deltas.get(key) ?? { tenant_id: tenantId, status, leads: 0 };
    entry.leads += delta;
    deltas.set(key, entry);
  };
  for (const { before, after } of changes) {
    if (before?.status === after.status) continue;
    if (before) add(before.tenant_id, before.status, -1);
    add(after.tenant_id, after.status, 1);
  }
  const rows = [...deltas.values()].filter((entry) => entry.leads !== 0);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((row) => sql`(${row.tenant_id}, ${row.status}, ${row.leads})`);
    await sql`insert into lead_list_counts (tenant_id, status, leads) values ${sql.join(values)}
      on conflict (tenant_id, status) do update set leads = lead_list_counts.leads + excluded.leads`.execute(trx);
  }
  // A status every lead has left keeps no row: otherwise whether a zero row stays depends on how
  // the events fell into batches, and a rebuild would not give back the rows written live.
  if (rows.length > 0) await sql`delete from lead_list_counts where leads = 0`.execute(trx);
}
