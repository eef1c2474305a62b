/**
 * One measurement of `bench:replay` in a process of its own, so that its peak RSS is its own
 * (not the generator's, nor an earlier step's): `node replay-child.js <step> <events file>
 * [read-model file]` prints one JSON line: events, seconds, CPU seconds, peak RSS.
 * Steps: `floor` (bare read + JSON.parse), `rebuild` (every projection of the engine from an
 * empty read-model file, through the runner), `verify` (every chain link, as `ltc audit verify`).
 */
import Database from 'better-sqlite3';
import { SqliteEventStore, verifyEventChains } from '#ltc/event-store';
import { LTC_CONTEXTS, engineProjections } from '#ltc/engine';
import { openReadModelDb, ProjectionRunner } from '#ltc/projections';
import { DueTimersProjection } from '#ltc/timers';
import { startStopwatch, type Elapsed } from './stopwatch.js';

export interface ChildRun extends Elapsed {
  readonly events: number;
  readonly peakRssBytes: number;
  /** What the step checked: breaks found, projections rebuilt. */
  readonly note: string;
}

/** Every column the store reads of a row; data and any metadata kept as JSON parsed. */
function floor(eventsFile: string): Omit<ChildRun, 'peakRssBytes'> {
  const db = new Database(eventsFile, { readonly: true });
  try {
    db.defaultSafeIntegers(true);
    const rows = db
      .prepare<[], readonly [string, string | null, ...unknown[]]>(
        'SELECT data, other_metadata, position, revision, stream, id, type, tenant_id, actor_user_id, actor_role, ' +
          'correlation_id, causation_id, command_id, schema_version, request_hash, recorded_at, chain_hash ' +
          'FROM events ORDER BY position',
      )
      .raw();
    const stop = startStopwatch();
    let events = 0;
    let parsedKeys = 0;
    for (const row of rows.iterate()) {
      const data = JSON.parse(row[0]) as object | null;
      if (row[1] !== null) JSON.parse(row[1]);
      // Touch the parse result, so that no engine may skip it.
      if (data !== null) parsedKeys += 1;
      events += 1;
    }
    return { events, ...stop(), note: `${parsedKeys} data objects` };
  } finally {
    db.close();
  }
}

async function rebuild(eventsFile: string, readModelFile: string): Promise<Omit<ChildRun, 'peakRssBytes'>> {
  const store = new SqliteEventStore({ filename: eventsFile });
  const readModel = await openReadModelDb({ sqliteFilename: readModelFile });
  try {
    const head = await store.readHeadPosition();
    const projections = engineProjections(LTC_CONTEXTS, new DueTimersProjection());
    const runner = new ProjectionRunner({ store, db: readModel.db, projections });
    const stop = startStopwatch();
    await runner.start();
    for (const projection of projections) await runner.waitFor(projection.name, head, 3_600_000);
    const elapsed = stop();
    await runner.stop();
    return { events: Number(head), ...elapsed, note: `${projections.length} projections` };
  } finally {
    await readModel.close();
    await store.close();
  }
}

async function verify(eventsFile: string): Promise<Omit<ChildRun, 'peakRssBytes'>> {
  const store = new SqliteEventStore({ filename: eventsFile });
  try {
    const stop = startStopwatch();
    const report = await verifyEventChains(store);
    const elapsed = stop();
    const note = report.breaks.length === 0 ? 'no break' : `${report.breaks.length} BREAKS`;
    return { events: report.eventsChecked, ...elapsed, note: `${note}, ${report.streamsChecked} streams` };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [step, eventsFile, readModelFile] = process.argv.slice(2);
  if (eventsFile === undefined)
    throw new Error('usage: replay-child.js floor|rebuild|verify <events file> [read models]');
  const run =
    step === 'floor'
      ? floor(eventsFile)
      : step === 'verify'
        ? await verify(eventsFile)
        : step === 'rebuild' && readModelFile !== undefined
          ? await rebuild(eventsFile, readModelFile)
          : undefined;
  if (run === undefined) throw new Error(`unknown step ${step ?? ''}`);
  // maxRSS is in kibibytes: the high-water mark of the whole process.
  const result: ChildRun = { ...run, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
