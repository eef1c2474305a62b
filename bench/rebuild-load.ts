import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { SqliteEventStore, verifyEventChains } from '#ltc/event-store';
import { openReadModelDb, ProjectionRunner } from '#ltc/projections';
import { stageAfter } from './pipeline-lead.decider.js';
import { startStopwatch, type Elapsed } from './stopwatch.js';
import { PipelineCounts, RAW_PIPELINE_SQL, perStageOf, pipelineProjection } from './pipeline.projection.js';

/** What one rebuild read and how long it took; `perStage` is the folded result, for the sanity check. */
export interface RebuildRun extends Elapsed {
  readonly events: number;
  readonly perStage: Map<string, number>;
}

const READ_ALL_PAGE = 1_000;
const RAW_BATCH = 500;

/**
 * The floors read every column the store reads, as arrays (better-sqlite3's fastest way):
 * first the ones they use, then the rest of the row.
 */
const RAW_COLUMNS =
  'type, data, other_metadata, position, revision, stream, id, tenant_id, actor_user_id, actor_role, ' +
  'correlation_id, causation_id, command_id, schema_version, request_hash, recorded_at';
/** `other_metadata`: metadata beyond the fields that have columns; `null` for every event the engine writes. */
type RawEventRow = readonly [
  type: string,
  data: string,
  other_metadata: string | null,
  position: bigint,
  revision: bigint,
];

/** What a bare reader must parse of a row: the data, and any metadata kept as JSON. */
function parseRaw(row: RawEventRow): unknown {
  if (row[2] !== null) JSON.parse(row[2]);
  return JSON.parse(row[1]) as unknown;
}

/** (a) through the store: `readAll` page after page, folded into maps. */
export async function rebuildInMemoryByPages(filename: string): Promise<RebuildRun> {
  const store = new SqliteEventStore({ filename });
  try {
    const fold = new PipelineCounts();
    const stop = startStopwatch();
    let after = 0n;
    for (;;) {
      const page = await store.readAll({ after, maxCount: READ_ALL_PAGE });
      const last = page.at(-1);
      if (!last) break;
      for (const event of page) fold.apply(event.type, event.data);
      after = last.position;
    }
    return { events: fold.events, ...stop(), perStage: fold.perStage() };
  } finally {
    await store.close();
  }
}

/** Tamper evidence: every chain link of the log checked (what `ltc audit verify` does). */
export async function verifyChains(filename: string): Promise<{ run: Elapsed & { events: number }; breaks: number }> {
  const store = new SqliteEventStore({ filename });
  try {
    const stop = startStopwatch();
    const report = await verifyEventChains(store);
    return { run: { events: report.eventsChecked, ...stop() }, breaks: report.breaks.length };
  } finally {
    await store.close();
  }
}

/** (a) through the store: a catch-up subscription from the beginning to the head (what the runner reads). */
export async function rebuildInMemoryBySubscription(filename: string): Promise<RebuildRun> {
  const store = new SqliteEventStore({ filename });
  try {
    const head = await store.readHeadPosition();
    const fold = new PipelineCounts();
    const stop = startStopwatch();
    const subscription = store.subscribeToAll();
    if (head > 0n) {
      for await (const event of subscription) {
        fold.apply(event.type, event.data);
        if (event.position >= head) break;
      }
    }
    await subscription.close();
    return { events: fold.events, ...stop(), perStage: fold.perStage() };
  } finally {
    await store.close();
  }
}

/** Baseline for (a): one bare `SELECT … ORDER BY position` of whole rows, JSON.parse and the same fold. */
export function rebuildInMemoryRaw(filename: string): RebuildRun {
  const db = new Database(filename, { readonly: true });
  try {
    db.defaultSafeIntegers(true);
    const fold = new PipelineCounts();
    const stop = startStopwatch();
    const rows = db.prepare<[], RawEventRow>(`SELECT ${RAW_COLUMNS} FROM events ORDER BY position`).raw().iterate();
    for (const row of rows) fold.apply(row[0], parseRaw(row));
    return { events: fold.events, ...stop(), perStage: fold.perStage() };
  } finally {
    db.close();
  }
}

/** (b) into SQLite tables through the real `ProjectionRunner`: start it and wait until it reaches the head. */
export async function rebuildWithRunner(eventsFile: string, readModelFile: string): Promise<RebuildRun> {
  const store = new SqliteEventStore({ filename: eventsFile });
  const readModel = await openReadModelDb({ sqliteFilename: readModelFile });
  try {
    const head = await store.readHeadPosition();
    const runner = new ProjectionRunner({ store, db: readModel.db, projections: [pipelineProjection] });
    const stop = startStopwatch();
    await runner.start();
    await runner.waitFor(pipelineProjection.name, head, 600_000);
    const elapsed = stop();
    await runner.stop();
    const counts = await sql<{ stage: string; count: number }>`select stage, count from pipeline_counts`.execute(
      readModel.db,
    );
    return { events: Number(head), ...elapsed, perStage: perStageOf(counts.rows) };
  } finally {
    await readModel.close();
    await store.close();
  }
}

/**
 * Baseline for (b): the same statements on bare better-sqlite3, prepared once, one
 * transaction per 500 events with its checkpoint, on a read-model file set up like
 * `openReadModelDb` sets up its own (WAL, synchronous=NORMAL).
 */
export function rebuildRaw(eventsFile: string, readModelFile: string): RebuildRun {
  const events = new Database(eventsFile, { readonly: true });
  const model = new Database(readModelFile);
  try {
    events.defaultSafeIntegers(true);
    model.pragma('journal_mode = WAL');
    model.pragma('synchronous = NORMAL');
    model.exec(RAW_PIPELINE_SQL.schema);
    const insertLead = model.prepare(RAW_PIPELINE_SQL.insertLead);
    const findLead = model.prepare<[string], { stage: string; source: string }>(RAW_PIPELINE_SQL.findLead);
    const moveLead = model.prepare(RAW_PIPELINE_SQL.moveLead);
    const bump = model.prepare(RAW_PIPELINE_SQL.bump);
    const checkpoint = model.prepare(RAW_PIPELINE_SQL.checkpoint);

    const applyOne = (row: RawEventRow): void => {
      const data = parseRaw(row) as { leadId: string; source?: string };
      const stage = stageAfter(row[0]);
      if (stage === undefined) return;
      const revision = row[4].toString();
      if (stage === 'new' && data.source !== undefined) {
        insertLead.run(data.leadId, stage, data.source, revision);
        bump.run(stage, data.source, 1);
        return;
      }
      const before = findLead.get(data.leadId);
      if (!before) return;
      bump.run(before.stage, before.source, -1);
      bump.run(stage, before.source, 1);
      moveLead.run(stage, revision, data.leadId);
    };
    const applyBatch = model.transaction((batch: readonly RawEventRow[]) => {
      for (const row of batch) applyOne(row);
      const last = batch.at(-1);
      if (last) checkpoint.run(last[3].toString());
    });

    const stop = startStopwatch();
    const read = events
      .prepare<[bigint, number], RawEventRow>(
        `SELECT ${RAW_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw();
    let count = 0;
    for (let after = 0n; ;) {
      const batch = read.all(after, RAW_BATCH);
      const last = batch.at(-1);
      if (!last) break;
      applyBatch(batch);
      count += batch.length;
      after = last[3];
    }
    const elapsed = stop();
    const rows = model.prepare<[], { stage: string; count: number }>('SELECT stage, count FROM pipeline_counts').all();
    return { events: count, ...elapsed, perStage: perStageOf(rows) };
  } finally {
    model.close();
    events.close();
  }
}
