/**
 * Named places where a crash is most dangerous. Tests make the process die at exactly
 * one of them to prove that a restart recovers, instead of hoping a timed `kill -9`
 * lands in the gap:
 *
 * - `projection.after-rows-before-checkpoint`: a projection batch's rows are written and
 *   its checkpoint is not yet durable (both commit in one transaction, so a crash here must
 *   leave neither).
 * - `command.after-append-before-response`: a command's events are durable, the client has
 *   not heard back (its retry with the same Idempotency-Key must get the first outcome).
 * - `event-store.mid-group-commit`: inside a SQLite group commit, after one append's rows
 *   are inserted and before the batch commits (nothing of the batch may survive).
 * - `event-store.mid-migration`: an older SQLite event-store file has been copied into the
 *   new layout, and the transaction that swaps the tables has not committed (the file must
 *   keep its old layout whole and migrate again on the next open).
 * - `process-manager.after-handlers-before-checkpoint`: a process manager's batch has taken
 *   effect (its commands are stored, possibly out of log order across streams), its
 *   checkpoint not yet (the restart handles the batch again; every effect must happen once).
 * - `process-manager.mid-state-rebuild`: a process manager's own tables are being folded again
 *   (reset, part of the log folded): the restart must rebuild them again before handling anything.
 */
export type FaultPointName =
  | 'projection.after-rows-before-checkpoint'
  | 'command.after-append-before-response'
  | 'event-store.mid-group-commit'
  | 'event-store.mid-migration'
  | 'process-manager.after-handlers-before-checkpoint'
  | 'process-manager.mid-state-rebuild';

const FAULT_POINTS: readonly FaultPointName[] = [
  'projection.after-rows-before-checkpoint',
  'command.after-append-before-response',
  'event-store.mid-group-commit',
  'event-store.mid-migration',
  'process-manager.after-handlers-before-checkpoint',
  'process-manager.mid-state-rebuild',
];

/**
 * The environment variable that arms one fault point: `name`, `name:N` (die on the N-th hit),
 * `name@scope` or `name@scope:N` (count only the hits of one scope, e.g. one projection).
 */
export const FAULT_POINT_ENV = 'LTC_FAULT_POINT';

interface ArmedFaultPoint {
  readonly name: FaultPointName;
  /** When set, only hits passing this scope count. */
  readonly scope?: string;
  readonly hit: number;
}

/**
 * Parses `LTC_FAULT_POINT`. An unknown name, a bad scope or a bad count throws: a test that misspells a
 * point must fail loudly, not pass because the crash never came.
 */
export function parseFaultPoint(value: string | undefined): ArmedFaultPoint | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^([a-z.-]+)(?:@([A-Za-z0-9_.-]+))?(?::([1-9][0-9]*))?$/.exec(value);
  const name = FAULT_POINTS.find((point) => point === match?.[1]);
  if (!match || !name) {
    throw new Error(
      `${FAULT_POINT_ENV}="${value}" names no fault point; known: ${FAULT_POINTS.join(', ')} ("@scope", ":N" = N-th hit)`,
    );
  }
  const hit = match[3] === undefined ? 1 : Number(match[3]);
  return match[2] === undefined ? { name, hit } : { name, scope: match[2], hit };
}

// Read once when the module loads: an unset variable costs one comparison per call, and
// nothing but the environment the process was started with can arm a point.
const armed = parseFaultPoint(process.env[FAULT_POINT_ENV]);
let hits = 0;

/**
 * Kills this process with SIGKILL (no exit handlers, no flushing, like a power cut for the
 * process) when `LTC_FAULT_POINT` arms `name` (and `scope`, if it names one) and this is its
 * N-th hit; a no-op otherwise.
 * For tests only: production never sets the variable.
 */
export function faultPoint(name: FaultPointName, scope?: string): void {
  if (armed === undefined || armed.name !== name) return;
  if (armed.scope !== undefined && armed.scope !== scope) return;
  hits += 1;
  if (hits < armed.hit) return;
  // Written synchronously (stderr is synchronous for files and pipes on Linux), so the test
  // can tell that the process died here and not somewhere else.
  const where = scope === undefined ? name : `${name}@${scope}`;
  process.stderr.write(`${FAULT_POINT_ENV}: ${where} hit ${hits}, killing the process\n`);
  process.kill(process.pid, 'SIGKILL');
}
