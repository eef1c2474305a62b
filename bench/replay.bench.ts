/**
 * `npm run bench:replay`: replaying a long history. Over a log of at least `BENCH_EVENTS`
 * (default 1,000,000) events of realistic multi-tenant histories, in one run:
 * - the floor: a bare read of every event from the SQLite file + JSON.parse of its data;
 * - a rebuild of every projection of the engine from an empty read-model file, through the
 *   real runner (what the app does on a fresh read-model file): events/s and peak RSS,
 *   each step in a process of its own so that its peak is its own;
 * - audit verify (every hash-chain link, as `ltc audit verify`): events/s;
 * - on a deal with ~500 events: deal history (`GET /deals/{id}/history`) and as-of
 *   (`GET /opportunities/{id}?asOf=`) p50/p99 over HTTP on the built app, beside
 *   `GET /health` and the bare SQL the answers are built from.
 * The history is generated once per size and kept (see replay-data.ts): `BENCH_DIR` (default
 * `.bench-data/`) holds it, `BENCH_TEMPLATE_DEALS` (default 20) sizes the seeded template,
 * `BENCH_DEAL_EVENTS` (default 480) the long deal's opportunity stream, `BENCH_REQUESTS`
 * (default 500) the requests per read, `BENCH_ONLY` (a comma list of `floor`, `rebuild`,
 * `verify`, `reads`) the steps. A measurement, not a test: it always exits 0.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startBuiltApp } from './built-app.js';
import type { ChildRun } from './replay-child.js';
import { replayData, type ReplayData, type ReplaySize } from './replay-data.js';
import { dealReads, type DealReadRow } from './replay-reads.js';
import { count, machineLine, progress } from './report.js';

const STEPS = ['floor', 'rebuild', 'verify', 'reads'] as const;
type Step = (typeof STEPS)[number];

const run = promisify(execFile);

async function main(): Promise<void> {
  const size: ReplaySize = {
    events: whole('BENCH_EVENTS', 1_000_000),
    templateDeals: whole('BENCH_TEMPLATE_DEALS', 20),
    dealEvents: whole('BENCH_DEAL_EVENTS', 480),
  };
  const steps = selectedSteps();
  const root = resolve(process.env.BENCH_DIR ?? '.bench-data');
  mkdirSync(root, { recursive: true });
  progress(`ltc bench:replay: ≥ ${count(size.events)} events under ${root}`);
  const data = await replayData(root, size);
  const readModelFile = join(data.dataDir, 'read-models.sqlite');
  const lines = dataLines(data);

  let floor: ChildRun | undefined;
  const table: string[] = [];
  if (steps.has('floor')) {
    progress('floor: bare read + JSON.parse of every event …');
    floor = await child('floor', data.eventsFile);
    table.push(replayRow('floor: bare SELECT + JSON.parse', floor, undefined));
  }
  if (steps.has('rebuild') || steps.has('reads')) {
    // Every run rebuilds from nothing: the read models of an earlier run are not the figure.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${readModelFile}${suffix}`, { force: true });
    progress('rebuild: every projection from an empty read-model file …');
    const rebuilt = await child('rebuild', data.eventsFile, readModelFile);
    table.push(replayRow('rebuild of every projection (runner)', rebuilt, floor));
  }
  if (steps.has('verify')) {
    progress('audit verify: every chain link …');
    table.push(replayRow('audit verify (hash chains)', await child('verify', data.eventsFile), floor));
  }
  lines.push('', '## Replay over the whole log', '', ...replayHeader(), ...table);
  if (steps.has('reads')) lines.push(...(await readLines(data, readModelFile)));
  process.stdout.write(
    [
      `# bench:replay — ${machineLine()}`,
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
      '',
      ...lines,
      '',
    ].join('\n'),
  );
}

function dataLines(data: ReplayData): string[] {
  const { manifest } = data;
  const { seconds } = manifest;
  const cached = data.generated ? '' : ' (cached from an earlier run; generation times are of that run)';
  return [
    '## Data',
    '',
    `${count(manifest.events)} events of ${count(manifest.tenants)} tenants in ${data.eventsFile}${cached}:`,
    `a demo history of ${manifest.size.templateDeals} deals (${count(manifest.templateEvents)} events) seeded through ` +
      `the engine's routes in ${seconds.template.toFixed(1)} s, one long deal added the same way in ` +
      `${seconds.longDeal.toFixed(1)} s, then cloned through EventStore.appendToStream, a tenant per copy, in ` +
      `${seconds.clone.toFixed(1)} s (${count(manifest.events / seconds.clone)} events/s).`,
    `long deal: ${manifest.deal.dealId} of ${manifest.deal.tenant}, its opportunity stream ${manifest.deal.opportunityEvents} events`,
  ];
}

const replayHeader = (): string[] => [
  '| step | events | seconds | events/s | ÷ floor (same run) | cpu µs/event | peak RSS MiB | check |',
  '|---|---|---|---|---|---|---|---|',
];

function replayRow(name: string, step: ChildRun, floor: ChildRun | undefined): string {
  const rate = step.events / step.seconds;
  const ratio = floor === undefined ? '–' : `${(rate / (floor.events / floor.seconds)).toFixed(3)}×`;
  const cpu = ((step.cpuSeconds * 1e6) / step.events).toFixed(1);
  const rss = (step.peakRssBytes / 2 ** 20).toFixed(0);
  const cells = [name, count(step.events), step.seconds.toFixed(1), count(rate), ratio, cpu, rss, step.note];
  return `| ${cells.join(' | ')} |`;
}

async function readLines(data: ReplayData, readModelFile: string): Promise<string[]> {
  const { tenant, dealId } = data.manifest.deal;
  const requests = whole('BENCH_REQUESTS', 500);
  progress('reads: the built app on the rebuilt data …');
  const app = await startBuiltApp({ dataDir: data.dataDir, tenant });
  try {
    const rows = await dealReads({
      baseUrl: app.baseUrl,
      secret: app.secret,
      eventsFile: data.eventsFile,
      readModelFile,
      tenant,
      dealId,
      requests,
    });
    return [
      '',
      `## Reads of the long deal over HTTP, one at a time, ${count(requests)} requests each`,
      '',
      `the built app answered /health ${app.startupSeconds.toFixed(2)} s after its start on the rebuilt data`,
      '',
      ...readTable(rows),
    ];
  } finally {
    await app.stop();
  }
}

function readTable(rows: readonly DealReadRow[]): string[] {
  const ms = (value: number): string => value.toFixed(2);
  return [
    '| read | p50 ms | p99 ms | /s | floor (same run) p50 / p99 ms | failures | one answer |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const floor = row.floor ? `${row.floor.name}: ${ms(row.floor.run.p50)} / ${ms(row.floor.run.p99)}` : '–';
      const cells = [row.name, ms(row.run.p50), ms(row.run.p99), count(row.run.perSecond), floor];
      return `| ${[...cells, String(row.run.failures), row.answered].join(' | ')} |`;
    }),
  ];
}

/** One step in a child process (see replay-child.ts), niced like this one. */
async function child(step: string, ...files: string[]): Promise<ChildRun> {
  const script = join(import.meta.dirname, 'replay-child.js');
  const { stdout } = await run(process.execPath, [script, step, ...files], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildRun;
}

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** The steps `BENCH_ONLY` names (every one when unset), checked so that a typo does not measure nothing. */
function selectedSteps(): ReadonlySet<Step> {
  const raw = process.env.BENCH_ONLY;
  if (raw === undefined || raw.trim() === '') return new Set(STEPS);
  const named = raw.split(',').map((step) => step.trim());
  const unknown = named.filter((step) => !(STEPS as readonly string[]).includes(step));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown step ${unknown.join(', ')}; known: ${STEPS.join(', ')}`);
  return new Set(named as Step[]);
}

try {
  await main();
} catch (error) {
  // A measurement, not a test: report what broke and still exit 0.
  console.error('bench:replay failed:', error);
}
