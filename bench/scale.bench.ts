/**
 * `npm run bench:scale`: the engine at a size, each figure beside a floor measured in the
 * same run. Writes `--events` (default 1,000,000) events of real lead histories straight
 * into the embedded store, rebuilds every projection on its own (events/s, beside a bare
 * read + parse of the same log), starts the built app on that data (time to answer HTTP),
 * then measures reads over HTTP at `--concurrency` (default 32) connections: p50/p99 of
 * the lead list with each filter, text search, a deep page by cursor and one lead, beside
 * an unauthenticated request (the framework's floor) and bare SELECTs on the same table.
 * The rebuild into memory runs `--rounds` (default 3) times beside its floor, in turn;
 * `--memory-rebuild-only` stops after it (no projections, no app, no HTTP); `--rebuild-only`
 * stops after the projection rebuilds. A measurement, not a test: it always exits 0.
 * `BENCH_DIR` picks the folder (default: tmp); `--keep` leaves the data folder there (its
 * path is printed) to start the app on or query by hand, and `--reads-on DIR` measures
 * only the reads on such a folder.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#ltc/event-store';
import { openReadModelDb, ProjectionRunner } from '#ltc/projections';
import { TokenService } from '#ltc/platform';
import { DueTimersProjection } from '#ltc/timers';
import { LTC_CONTEXTS, engineProjections } from '#ltc/engine';
import { startBuiltApp, type RunningApp } from './built-app.js';
import { memoryRebuildRounds } from './memory-rebuild-rounds.js';
import { rebuildInMemoryRaw } from './rebuild-load.js';
import { count, machineLine, progress } from './report.js';
import { BENCH_TENANT, writeLeadHistories } from './scale-events.js';
import { readWorkloads, type ReadRow } from './scale-reads.js';
import { startStopwatch } from './stopwatch.js';

interface Options {
  readonly events: number;
  readonly concurrency: number;
  readonly requests: number;
  readonly rounds: number;
  readonly memoryRebuildOnly: boolean;
  /** `--rebuild-only`: stop after the rebuilds (no app, no HTTP reads), to measure projections alone. */
  readonly rebuildOnly: boolean;
  /** `--keep`: leave the data folder in place. */
  readonly keep: boolean;
  /** `--reads-on DIR`: measure only the reads, on a data folder an earlier `--keep` run left. */
  readonly readsOn: string | undefined;
}

async function main(): Promise<void> {
  const options = optionsFrom(process.argv.slice(2));
  if (options.readsOn !== undefined) {
    await readsOnKeptData(options, options.readsOn);
    return;
  }
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ltc-scale-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const eventsFile = join(dataDir, 'events.sqlite');
  const readModelFile = join(dataDir, 'read-models.sqlite');
  const lines: string[] = [];
  try {
    progress(`ltc bench:scale: ${count(options.events)} events in ${root}`);
    const leads = await generate(eventsFile, options.events, lines);
    progress(`  rebuilding into memory, ${options.rounds} rounds`);
    lines.push('', `## Rebuild into memory, ${options.rounds} rounds beside its floor`, '');
    lines.push(...(await memoryRebuildRounds(eventsFile, options.rounds)));
    if (options.memoryRebuildOnly) {
      writeReport(lines);
      return;
    }
    if (APP_ROOT === '.') {
      lines.push('', '## Rebuild, one projection at a time (into the read-model file the app then starts on)', '');
      await rebuildEach(eventsFile, readModelFile, lines);
    } else {
      // Read models this build did not make would carry its tables and indexes into the other one.
      lines.push('', `(no rebuild here: the app in ${APP_ROOT} builds its own read models at startup)`);
    }
    if (!options.rebuildOnly) await measureReads(options, dataDir, readModelFile, leads, lines);
    writeReport(lines);
  } finally {
    if (options.keep) progress(`kept the data in ${dataDir}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function writeReport(lines: readonly string[]): void {
  process.stdout.write(
    [
      `# bench:scale — ${machineLine()}`,
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
      ...lines,
      '',
    ].join('\n'),
  );
}

/** The reads alone, on a folder a `--keep` run left (generated and rebuilt by this build). */
async function readsOnKeptData(options: Options, dataDir: string): Promise<void> {
  const readModelFile = join(dataDir, 'read-models.sqlite');
  const models = new Database(readModelFile, { readonly: true });
  const leads = Number(models.prepare('select count(*) from lead_list').pluck().get());
  models.close();
  const lines = ['', `## Data`, '', `kept in ${dataDir}: ${count(leads)} leads`];
  await measureReads(options, dataDir, readModelFile, leads, lines);
  writeReport(lines);
}

/** Starts the built app on the rebuilt data and measures the reads over HTTP. */
async function measureReads(
  options: Options,
  dataDir: string,
  readModelFile: string,
  leads: number,
  lines: string[],
): Promise<void> {
  lines.push(
    '',
    `## Reads over HTTP at ${options.concurrency} connections, ${count(options.requests)} requests each`,
    '',
  );
  const app = await startApp(dataDir, leads);
  try {
    lines.push(
      `startup of the built app${APP_ROOT === '.' ? '' : ` in ${APP_ROOT}`} on ${count(options.events)} events: ` +
        `${app.startupSeconds.toFixed(2)} s to answer HTTP, ${app.currentSeconds.toFixed(2)} s until GET /leads lists every lead`,
      '',
    );
    const rows = await readWorkloads({ ...options, baseUrl: app.baseUrl, secret: app.secret, readModelFile, leads });
    lines.push(...readTable(rows));
  } finally {
    await app.stop();
  }
}

async function generate(eventsFile: string, events: number, lines: string[]): Promise<number> {
  const store = new SqliteEventStore({ filename: eventsFile, durability: 'normal' });
  try {
    const stop = startStopwatch();
    const leads = await writeLeadHistories(store, events, 32, (written) =>
      progress(`  generated ${count(written)} events`),
    );
    const { seconds } = stop();
    const head = Number(await store.readHeadPosition());
    lines.push(
      '## Data',
      '',
      `${count(head)} events of ${count(leads)} leads written in ${seconds.toFixed(1)} s (${count(head / seconds)} events/s, one append per lead history, 32 in flight)`,
    );
    return leads;
  } finally {
    await store.close();
  }
}

async function rebuildEach(eventsFile: string, readModelFile: string, lines: string[]): Promise<void> {
  const floor = rebuildInMemoryRaw(eventsFile);
  const floorRate = floor.events / floor.seconds;
  lines.push(
    '| projection | seconds | log events/s | floor: bare read + parse /s | ÷ floor |',
    '|---|---|---|---|---|',
  );
  const store = new SqliteEventStore({ filename: eventsFile });
  const readModel = await openReadModelDb({ sqliteFilename: readModelFile });
  try {
    const head = await store.readHeadPosition();
    for (const projection of engineProjections(LTC_CONTEXTS, new DueTimersProjection())) {
      progress(`  rebuilding ${projection.name}`);
      const runner = new ProjectionRunner({ store, db: readModel.db, projections: [projection] });
      const stop = startStopwatch();
      await runner.start();
      await runner.waitFor(projection.name, head, 1_800_000);
      const { seconds } = stop();
      await runner.stop();
      const rate = Number(head) / seconds;
      lines.push(
        `| ${projection.name} | ${seconds.toFixed(1)} | ${count(rate)} | ${count(floorRate)} | ${(rate / floorRate).toFixed(2)} |`,
      );
    }
  } finally {
    await readModel.close();
    await store.close();
  }
}

/**
 * The checkout whose built app serves the reads (default this one): `BENCH_APP_ROOT=../other`
 * measures another build on the same data, e.g. the code before a change: it then builds
 * its own read models at startup, which `currentSeconds` includes.
 */
const APP_ROOT = process.env.BENCH_APP_ROOT ?? '.';

/** The built app on the data folder, ready once `GET /leads` lists every lead. */
function startApp(dataDir: string, leads: number): Promise<RunningApp> {
  return startBuiltApp({
    dataDir,
    tenant: BENCH_TENANT,
    appRoot: APP_ROOT,
    ready: async (baseUrl, secret) => {
      const token = await new TokenService(secret).mint({ sub: 'root', roles: ['admin'], tenant: BENCH_TENANT });
      const response = await fetch(`${baseUrl}/leads?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await response.json()) as { total?: number };
      return page.total === leads;
    },
  });
}

function readTable(rows: readonly ReadRow[]): string[] {
  const ms = (value: number): string => value.toFixed(2);
  return [
    '| read | p50 ms | p99 ms | /s | floor (same run) | floor p50 / p99 ms | goal p99 | failures |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${ms(row.run.p50)} | ${ms(row.run.p99)} | ${count(row.run.perSecond)} | ${row.floorName} | ${ms(row.floor.p50)} / ${ms(row.floor.p99)} | ${row.goalP99Ms === undefined ? '–' : `≤ ${row.goalP99Ms}`} | ${row.run.failures} |`,
    ),
  ];
}

function optionsFrom(args: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const index = args.indexOf(flag);
    const text = index === -1 ? undefined : args[index + 1];
    const parsed = text === undefined ? fallback : Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${flag} must be a positive whole number`);
    return parsed;
  };
  return {
    events: value('--events', 1_000_000),
    concurrency: value('--concurrency', 32),
    requests: value('--requests', 500),
    rounds: value('--rounds', 3),
    memoryRebuildOnly: args.includes('--memory-rebuild-only'),
    rebuildOnly: args.includes('--rebuild-only'),
    keep: args.includes('--keep'),
    readsOn: args.includes('--reads-on') ? args[args.indexOf('--reads-on') + 1] : undefined,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 0;
});
