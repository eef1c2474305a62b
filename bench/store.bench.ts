/**
 * `npm run bench:store`: throughput of the embedded SQLite event store on this machine,
 * each figure next to a baseline measured in the same run (bare better-sqlite3 doing
 * the same work), with the goals from TOOLCHAIN.md. A measurement, not a test: it
 * always exits 0. `BENCH_STREAMS=2000` runs a smaller workload; `BENCH_DIR` picks the
 * folder the temporary databases go to (default: the OS temp folder); `BENCH_ONLY=full-16`
 * (a comma list of `full-1`, `full-16`, `normal-1`, `normal-16`, `rebuild`) runs only those
 * steps, e.g. to interleave one figure with other programs in rounds (`rebuild` reads the
 * log of `full-16`, which then runs too).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runRawCommands, runStoreCommands, type CommandRun } from './command-load.js';
import { probeMachine } from './disk-probe.js';
import { COMMANDS_PER_LEAD, STAGES } from './pipeline-lead.decider.js';
import {
  rebuildInMemoryByPages,
  rebuildInMemoryBySubscription,
  rebuildInMemoryRaw,
  rebuildRaw,
  rebuildWithRunner,
  verifyChains,
  type RebuildRun,
} from './rebuild-load.js';
import { count, formatTable, machineLine, progress, type ResultRow } from './report.js';

const GOALS = { durableCommandsAt16: 30_000, rebuildInMemory: 300_000, rebuildRunner: 100_000 } as const;
const DEFAULT_STREAMS = 20_000;
/** Round-by-round order keeps concurrent commands on different streams only while streams outnumber them. */
const MIN_STREAMS = 64;
const WARM_UP_STREAMS = 500;

type Durability = 'full' | 'normal';

interface CommandVariant {
  readonly durability: Durability;
  readonly inFlight: 1 | 16;
  /** Runs on at most this many streams (same six-step shape), labelled so in the table. */
  readonly maxStreams?: number;
}

/**
 * One durable command at a time pays one fsync per command, in the store and in its
 * baseline: 2 × 120,000 fsyncs alone take 0.5–5 minutes, depending on how busy the
 * disk is. That pair runs on a sample of streams instead (12,000 commands, the same
 * six-step shape), so the whole bench stays within ~3 minutes.
 */
const SERIAL_DURABLE_STREAMS = 2_000;

const COMMAND_VARIANTS: readonly CommandVariant[] = [
  { durability: 'full', inFlight: 1, maxStreams: SERIAL_DURABLE_STREAMS },
  { durability: 'full', inFlight: 16 },
  { durability: 'normal', inFlight: 1 },
  { durability: 'normal', inFlight: 16 },
];

async function main(): Promise<void> {
  const streams = streamsFromEnv();
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ltc-bench-'));
  const started = performance.now();
  try {
    progress(`ltc bench: ${count(streams)} streams in ${root}`);
    const before = probeMachine(root);
    await warmUp(root);
    const rows: ResultRow[] = [];
    let durableLog: string | undefined;
    for (const variant of variantsToRun()) {
      const folder = freshFolder(root, variantName(variant));
      const keep = variantName(variant) === REBUILD_LOG_VARIANT;
      rows.push(await measureCommands(variant, folder, streams));
      // The durable 16-way log is the one step 2 rebuilds from; the others go at once.
      if (keep) durableLog = join(folder, 'store.sqlite');
      else rmSync(folder, { recursive: true, force: true });
    }
    if (durableLog && selectedSteps().has('rebuild')) rows.push(...(await measureRebuilds(durableLog, root, streams)));
    const after = probeMachine(root);
    printReport(rows, { streams, root, before, after, totalSeconds: (performance.now() - started) / 1000 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function streamsFromEnv(): number {
  const raw = process.env.BENCH_STREAMS;
  if (raw === undefined || raw === '') return DEFAULT_STREAMS;
  const streams = Number(raw);
  if (!Number.isInteger(streams) || streams < MIN_STREAMS) {
    throw new Error(`BENCH_STREAMS must be an integer ≥ ${MIN_STREAMS}, got "${raw}"`);
  }
  return streams;
}

const variantName = (variant: CommandVariant): string => `${variant.durability}-${variant.inFlight}`;
const REBUILD_LOG_VARIANT = 'full-16';

/** The steps `BENCH_ONLY` names (every step when unset), checked so that a typo does not measure nothing. */
function selectedSteps(): ReadonlySet<string> {
  const known = [...COMMAND_VARIANTS.map(variantName), 'rebuild'];
  const raw = process.env.BENCH_ONLY;
  if (raw === undefined || raw.trim() === '') return new Set(known);
  const steps = raw.split(',').map((step) => step.trim());
  const unknown = steps.filter((step) => !known.includes(step));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown step ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return new Set(steps.includes('rebuild') ? [...steps, REBUILD_LOG_VARIANT] : steps);
}

function variantsToRun(): readonly CommandVariant[] {
  const steps = selectedSteps();
  return COMMAND_VARIANTS.filter((variant) => steps.has(variantName(variant)));
}

/** Lets V8 compile the hot paths first, so the first variant measured is not also the JIT's warm-up. */
async function warmUp(root: string): Promise<void> {
  const folder = freshFolder(root, 'warm-up');
  await runStoreCommands(join(folder, 'store.sqlite'), 'normal', WARM_UP_STREAMS, 16);
  runRawCommands(join(folder, 'raw.sqlite'), 'NORMAL', WARM_UP_STREAMS, 16);
  await rebuildInMemoryByPages(join(folder, 'store.sqlite'));
  rmSync(folder, { recursive: true, force: true });
}

async function measureCommands(variant: CommandVariant, folder: string, allStreams: number): Promise<ResultRow> {
  const { durability, inFlight } = variant;
  const streams = Math.min(allStreams, variant.maxStreams ?? allStreams);
  const synchronous = durability === 'full' ? 'FULL' : 'NORMAL';
  const sample = streams < allStreams ? ` (${count(streams)} streams)` : '';
  const label = `${durability}, ${inFlight} in flight${sample}`;
  progress(`commands: store, ${label} …`);
  const store = await runStoreCommands(join(folder, 'store.sqlite'), durability, streams, inFlight);
  progress(`commands: raw floor, synchronous=${synchronous}, ${inFlight} per tx …`);
  const raw = runRawCommands(join(folder, 'raw.sqlite'), synchronous, streams, inFlight);
  const perTx = (store.commands / Math.max(1, store.transactions)).toFixed(1);
  const cpu = `cpu ${microsPer(store.cpuSeconds, store.commands)} µs/cmd (raw ${microsPer(raw.cpuSeconds, raw.commands)})`;
  return {
    figure: 'commands/s',
    variant: label,
    value: rate(store.commands, store.seconds),
    baseline: { value: rate(raw.commands, raw.seconds), label: `raw ${synchronous}, ${inFlight}/tx` },
    ...(durability === 'full' && inFlight === 16 ? { goal: GOALS.durableCommandsAt16 } : {}),
    note: `${perTx} cmds/tx; ${cpu}; ${commandCheck(store)}, raw ${commandCheck(raw)}`,
  };
}

async function measureRebuilds(eventsFile: string, root: string, streams: number): Promise<ResultRow[]> {
  progress('rebuild: raw SELECT + JSON.parse into memory …');
  const rawMemory = rebuildInMemoryRaw(eventsFile);
  progress('rebuild: store readAll pages into memory …');
  const pages = await rebuildInMemoryByPages(eventsFile);
  progress('rebuild: store subscribeToAll into memory …');
  const subscription = await rebuildInMemoryBySubscription(eventsFile);
  progress('rebuild: raw better-sqlite3 into read-model tables …');
  const rawTables = rebuildRaw(eventsFile, join(freshFolder(root, 'read-model-raw'), 'read-model.sqlite'));
  progress('rebuild: ProjectionRunner into read-model tables …');
  const runner = await rebuildWithRunner(eventsFile, join(freshFolder(root, 'read-model'), 'read-model.sqlite'));
  progress('audit verify: every chain link of the log …');
  const verified = await verifyChains(eventsFile);

  const row = (variant: string, run: RebuildRun, goal: number, base: RebuildRun, label: string): ResultRow => ({
    figure: 'rebuild events/s',
    variant,
    value: rebuildRate(run),
    goal,
    baseline: { value: rebuildRate(base), label },
    note:
      `cpu ${microsPer(run.cpuSeconds, run.events)} µs/event (raw ${microsPer(base.cpuSeconds, base.events)}); ` +
      rebuildCheck(run, streams),
  });
  return [
    row('(a) memory, readAll pages', pages, GOALS.rebuildInMemory, rawMemory, 'raw SELECT+JSON.parse'),
    row('(a) memory, subscribeToAll', subscription, GOALS.rebuildInMemory, rawMemory, 'raw SELECT+JSON.parse'),
    row('(b) tables, ProjectionRunner', runner, GOALS.rebuildRunner, rawTables, 'raw prepared, 500/tx'),
    {
      figure: 'verify events/s',
      variant: 'audit verify (hash chains)',
      value: rebuildRate(verified.run),
      baseline: { value: rebuildRate(pages), label: 'store readAll pages' },
      note:
        `cpu ${microsPer(verified.run.cpuSeconds, verified.run.events)} µs/event; ` +
        (verified.breaks === 0 && verified.run.events === pages.events
          ? `ok (${count(verified.run.events)} events, no break)`
          : `MISMATCH: ${verified.breaks} breaks, ${verified.run.events} of ${pages.events} events`),
    },
  ];
}

interface RunContext {
  readonly streams: number;
  readonly root: string;
  /** `probeMachine` before the first and after the last measurement. */
  readonly before: string;
  readonly after: string;
  readonly totalSeconds: number;
}

function printReport(rows: readonly ResultRow[], run: RunContext): void {
  const { streams, totalSeconds } = run;
  const commands = streams * COMMANDS_PER_LEAD;
  console.log('');
  console.log('LTC Engine: embedded SQLite event store (SqliteEventStore) benchmark');
  console.log(`machine:  ${machineLine()}`);
  console.log(`disk:     ${run.root}; before: ${run.before}; after: ${run.after}`);
  console.log(
    `workload: ${count(streams)} streams × ${COMMANDS_PER_LEAD} events = ${count(commands)} commands ` +
      '(read stream, fold, decide, append with expected revision, via handleCommand); ' +
      `rebuild reads the ${count(commands)} events of the durable 16-in-flight run`,
  );
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log('baselines: bare better-sqlite3 in the same process on the same disk, prepared statements, no promises.');
  console.log('cmds/tx = commands per write transaction (group-commit batch; one fsync each when durable).');
  console.log('cpu = user + system CPU time of this process per operation: the cost that stays put when the');
  console.log('      machine is shared; wall-clock figures (store /s) fall with the load average and fsync latency.');
  console.log(`total time ${((totalSeconds * 10) | 0) / 10} s`);
}

function commandCheck(run: CommandRun): string {
  if (run.failures > 0) return `${run.failures} FAILED (${run.firstFailure ?? '?'})`;
  return run.events === BigInt(run.commands) ? 'ok' : `MISMATCH: ${run.events} events`;
}

function rebuildCheck(run: RebuildRun, streams: number): string {
  const won = run.perStage.get(STAGES[STAGES.length - 1] ?? 'won') ?? 0;
  const total = [...run.perStage.values()].reduce((sum, value) => sum + value, 0);
  return won === streams && total === streams ? `ok (${count(won)} won)` : `MISMATCH: ${won} won of ${total}`;
}

function microsPer(cpuSeconds: number, operations: number): string {
  return operations > 0 ? ((cpuSeconds * 1e6) / operations).toFixed(1) : '–';
}

function rate(operations: number, seconds: number): number {
  return seconds > 0 ? operations / seconds : 0;
}

function rebuildRate(run: Pick<RebuildRun, 'events' | 'seconds'>): number {
  return rate(run.events, run.seconds);
}

function freshFolder(root: string, name: string): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  return folder;
}

try {
  await main();
} catch (error) {
  // A measurement, not a test: report what broke and still exit 0.
  console.error('bench:store failed:', error);
}
