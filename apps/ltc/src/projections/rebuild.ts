import { setTimeout as sleep } from 'node:timers/promises';
import { ApiRefusedError, type ApiTarget } from '../cli/api-client.js';
import { Progress, count, type ProgressOutput } from '../cli/progress.js';
import { table } from '../cli/table.js';
import { listProjections, startRebuild, type ProjectionStatus } from './projections-api.js';

/** Often enough for a bar that moves; GET /projections costs the API little. */
const POLL_INTERVAL_MS = 200;
/** Without a terminal to redraw, a plain progress line every this many events. */
const PLAIN_EVERY_EVENTS = 50_000;

/** The rebuild ran but the projection ended up `failed`; `lastError` says why. */
export class RebuildFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly lastError: string | null,
  ) {
    super(`${projection} failed: ${lastError ?? 'no error recorded'}`);
    this.name = 'RebuildFailedError';
  }
}

export interface RebuildDone {
  /** Log positions behind it once caught up: events on the embedded store, log offsets on EventStoreDB. */
  readonly events: number;
  readonly elapsedMs: number;
}

/**
 * Starts the rebuild of `name` and follows `GET /projections` until it is caught up, with a
 * progress bar on `out`. Rejects with a `RebuildFailedError`, or with the API's refusal.
 */
export async function rebuildProjection(target: ApiTarget, name: string, out: ProgressOutput): Promise<RebuildDone> {
  // Before the request: the reset is part of the rebuild's time.
  const progress = new Progress(out, 0, 'events', PLAIN_EVERY_EVENTS);
  await startRebuild(target, name);
  out.write(`Rebuilding ${name} from the start of the log…\n`);
  let events: number;
  try {
    events = await followToHead(target, name, progress);
  } finally {
    progress.finish();
  }
  const elapsedMs = progress.elapsedMs;
  out.write(`${name} is caught up: ${count(events)} events in ${seconds(elapsedMs)} s\n`);
  return { events, elapsedMs };
}

/** Polls until `name` is caught up; resolves with the events behind it then. */
async function followToHead(target: ApiTarget, name: string, progress: Progress): Promise<number> {
  let lastNote: string | undefined;
  for (;;) {
    const status = (await listProjections(target)).statuses.find((s) => s.name === name);
    if (status === undefined) {
      throw new ApiRefusedError(200, 'UNEXPECTED_RESPONSE', `GET /projections no longer lists ${name}`);
    }
    const rebuild = status.rebuild ?? null;
    if (rebuild?.state === 'failed') throw new RebuildFailedError(name, rebuild.error);
    if (rebuild?.state === 'running') {
      // Beside the live rows: the rebuild's own position; the live one is caught up all along.
      const target = Number(rebuild.headPosition ?? status.headPosition);
      progress.moveTo(Math.min(Number(rebuild.position ?? 0), target), target);
      await sleep(POLL_INTERVAL_MS);
      continue;
    }
    const head = Number(status.headPosition);
    // head − lag is the position for one still behind, and the head for a filtered one with nothing left.
    const done = head - Number(status.lag);
    progress.moveTo(done, head);
    if (status.state === 'failed') throw new RebuildFailedError(name, status.lastError);
    if (isCaughtUp(status)) return done;
    const note = waitingNote(status);
    if (note !== undefined && note !== lastNote) progress.note(note);
    lastNote = note;
    await sleep(POLL_INTERVAL_MS);
  }
}

/**
 * Nothing between its checkpoint and the head, and running as it should. The process that
 * runs it says `live`; one that does not (a poll that reaches another instance behind a load
 * balancer) reads `running` from the stored checkpoint, whose lag is exact too.
 */
function isCaughtUp(status: ProjectionStatus): boolean {
  return status.lag === '0' && (status.state === 'live' || status.state === 'running');
}

/** Why it is not moving, when it is not; the poll goes on, since both clear up on their own. */
function waitingNote(status: ProjectionStatus): string | undefined {
  if (status.state === 'retrying') {
    const next = status.nextAttemptAt === null ? '' : `; next attempt ${status.nextAttemptAt}`;
    return `${status.name} is retrying after: ${status.lastError ?? 'a transient failure'}${next}`;
  }
  if (status.state === 'stopped') return `${status.name} is stopped; waiting for it to run again`;
  return undefined;
}

interface RebuildOutcome {
  readonly name: string;
  readonly kind: string;
  readonly result: 'rebuilt' | 'skipped' | 'failed';
  readonly done?: RebuildDone;
}

/**
 * Rebuilds every projection, then every process manager the API accepts (those with tables
 * of their own), one after another. A failed one does not stop the rest; a refusal does
 * (the next would be refused alike), after a summary of what was done. Returns the exit code.
 */
export async function rebuildAll(target: ApiTarget, out: ProgressOutput): Promise<number> {
  const { statuses } = await listProjections(target);
  const ordered = [
    ...statuses.filter((s) => s.kind === 'projection'),
    ...statuses.filter((s) => s.kind !== 'projection'),
  ];
  const outcomes: RebuildOutcome[] = [];
  try {
    for (const { name, kind } of ordered) outcomes.push(await rebuildOneOfAll(target, name, kind, out));
  } finally {
    if (outcomes.length > 0) console.log(summaryTable(outcomes));
  }
  return outcomes.some((o) => o.result === 'failed') ? 1 : 0;
}

async function rebuildOneOfAll(
  target: ApiTarget,
  name: string,
  kind: string,
  out: ProgressOutput,
): Promise<RebuildOutcome> {
  try {
    return { name, kind, result: 'rebuilt', done: await rebuildProjection(target, name, out) };
  } catch (error) {
    if (error instanceof ApiRefusedError && error.code === 'NOT_A_PROJECTION') {
      out.write(`Skipping ${name}: a process manager without tables of its own has nothing to rebuild\n`);
      return { name, kind, result: 'skipped' };
    }
    if (!(error instanceof RebuildFailedError)) throw error;
    out.write(`${error.message}\n`);
    return { name, kind, result: 'failed' };
  }
}

function summaryTable(outcomes: readonly RebuildOutcome[]): string {
  return table(
    [
      { title: 'NAME' },
      { title: 'KIND' },
      { title: 'RESULT' },
      { title: 'EVENTS', alignRight: true },
      { title: 'SECONDS', alignRight: true },
    ],
    outcomes.map(({ name, kind, result, done }) => [
      name,
      kind,
      result,
      done === undefined ? '-' : count(done.events),
      done === undefined ? '-' : seconds(done.elapsedMs),
    ]),
  );
}

function seconds(elapsedMs: number): string {
  return (elapsedMs / 1000).toFixed(1);
}
