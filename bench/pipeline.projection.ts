import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { upsertRow, type Projection, type ReadModelTransaction } from '#ltc/projections';
import { stageAfter, type BenchSource, type Stage } from './pipeline-lead.decider.js';

/**
 * The pipeline read model of the bench: how many leads sit in each stage per source,
 * plus one row per lead (its stage and source, which the stage events do not carry).
 * Three shapes of the same fold: in memory, through the real `ProjectionRunner`, and on
 * bare better-sqlite3 (`RAW_PIPELINE_SQL`) for the baseline.
 */

/** The in-memory fold: two maps, nothing else. */
export class PipelineCounts {
  readonly leads = new Map<string, { stage: Stage; source: string }>();
  readonly counts = new Map<string, number>();
  events = 0;

  apply(type: string, data: unknown): void {
    this.events += 1;
    const stage = stageAfter(type);
    if (stage === undefined) return;
    const { leadId, source } = data as { leadId: string; source?: BenchSource };
    if (stage === 'new' && source !== undefined) {
      this.leads.set(leadId, { stage, source });
      this.bump(stage, source, 1);
      return;
    }
    const lead = this.leads.get(leadId);
    if (!lead) return;
    this.bump(lead.stage, lead.source, -1);
    this.bump(stage, lead.source, 1);
    lead.stage = stage;
  }

  /** Leads per stage over every source, for the sanity check. */
  perStage(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const [key, count] of this.counts) {
      const stage = key.slice(0, key.indexOf('|'));
      totals.set(stage, (totals.get(stage) ?? 0) + count);
    }
    return totals;
  }

  private bump(stage: string, source: string, delta: number): void {
    const key = `${stage}|${source}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + delta);
  }
}

/** The same read model as SQLite tables, fed by the real `ProjectionRunner`. */
export const pipelineProjection: Projection = {
  name: 'bench_pipeline',
  version: 1,
  filter: { streamPrefixes: ['lead-'] },

  async setup(db) {
    await db.schema
      .createTable('pipeline_leads')
      .ifNotExists()
      .addColumn('lead_id', 'text', (c) => c.primaryKey())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('pipeline_counts')
      .ifNotExists()
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('pipeline_counts_pk', ['stage', 'source'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from pipeline_leads`.execute(trx);
    await sql`delete from pipeline_counts`.execute(trx);
  },

  applyBatch: (trx, events) => applyPipelineBatch(trx, events),

  async apply(trx, event) {
    const stage = stageAfter(event.type);
    if (stage === undefined) return;
    const { leadId, source } = event.data as { leadId: string; source?: BenchSource };
    const revision = event.revision.toString();
    if (stage === 'new' && source !== undefined) {
      await upsertRow(trx, 'pipeline_leads', { lead_id: leadId, stage, source, revision }, ['lead_id']);
      await bump(trx, stage, source, 1);
      return;
    }
    const lead = await sql<{ stage: string; source: string }>`
      select stage, source from pipeline_leads where lead_id = ${leadId}`.execute(trx);
    const before = lead.rows[0];
    if (!before) return;
    await bump(trx, before.stage, before.source, -1);
    await bump(trx, stage, before.source, 1);
    await sql`update pipeline_leads set stage = ${stage}, revision = ${revision} where lead_id = ${leadId}`.execute(
      trx,
    );
  },
};

/**
 * The batch form the runner uses: the leads a batch touches are loaded in one query,
 * the batch is folded in memory, and the rows and count deltas are written back once.
 */
async function applyPipelineBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const fold = new PipelineCounts();
  const touched = [...new Set(events.map((e) => (e.data as { leadId: string }).leadId))];
  for (let i = 0; i < touched.length; i += 500) {
    const known = await sql<{ lead_id: string; stage: Stage; source: string }>`
      select lead_id, stage, source from pipeline_leads where lead_id in (${sql.join(touched.slice(i, i + 500))})`.execute(
      trx,
    );
    for (const row of known.rows) fold.leads.set(row.lead_id, { stage: row.stage, source: row.source });
  }
  const revisions = new Map<string, string>();
  for (const event of events) {
    fold.apply(event.type, event.data);
    revisions.set((event.data as { leadId: string }).leadId, event.revision.toString());
  }
  const rows = [...revisions.keys()].flatMap((leadId) => {
    const lead = fold.leads.get(leadId);
    return lead
      ? [{ lead_id: leadId, stage: lead.stage, source: lead.source, revision: revisions.get(leadId) ?? '0' }]
      : [];
  });
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .withTables<{ pipeline_leads: { lead_id: string; stage: string; source: string; revision: string } }>()
      .insertInto('pipeline_leads')
      .values(rows.slice(i, i + 200))
      .onConflict((c) =>
        c
          .column('lead_id')
          .doUpdateSet((eb) => ({ stage: eb.ref('excluded.stage'), revision: eb.ref('excluded.revision') })),
      )
      .execute();
  }
  for (const [key, delta] of fold.counts) {
    if (delta === 0) continue;
    const [stage = '', source = ''] = key.split('|');
    await bump(trx, stage, source, delta);
  }
}

function bump(trx: ReadModelTransaction, stage: string, source: string, delta: number): Promise<unknown> {
  return sql`insert into pipeline_counts (stage, source, count) values (${stage}, ${source}, ${delta})
    on conflict (stage, source) do update set count = pipeline_counts.count + excluded.count`.execute(trx);
}

/** The projection's statements for the raw baseline, prepared once on bare better-sqlite3. */
export const RAW_PIPELINE_SQL = {
  schema: `
    CREATE TABLE pipeline_leads (lead_id TEXT PRIMARY KEY, stage TEXT NOT NULL, source TEXT NOT NULL, revision TEXT NOT NULL);
    CREATE TABLE pipeline_counts (stage TEXT NOT NULL, source TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (stage, source));
    CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
  `,
  insertLead: `INSERT INTO pipeline_leads (lead_id, stage, source, revision) VALUES (?, ?, ?, ?)
    ON CONFLICT (lead_id) DO UPDATE SET stage = excluded.stage, source = excluded.source, revision = excluded.revision`,
  findLead: 'SELECT stage, source FROM pipeline_leads WHERE lead_id = ?',
  moveLead: 'UPDATE pipeline_leads SET stage = ?, revision = ? WHERE lead_id = ?',
  bump: `INSERT INTO pipeline_counts (stage, source, count) VALUES (?, ?, ?)
    ON CONFLICT (stage, source) DO UPDATE SET count = pipeline_counts.count + excluded.count`,
  checkpoint: `INSERT INTO checkpoints (name, position) VALUES ('bench_pipeline', ?)
    ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
} as const;

/** Reads `pipeline_counts` back as a per-stage total, for the sanity check. */
export function perStageOf(rows: readonly { stage: string; count: number | bigint }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.stage, (totals.get(row.stage) ?? 0) + Number(row.count));
  return totals;
}
