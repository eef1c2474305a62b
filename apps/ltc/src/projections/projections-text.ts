import { digits, table } from '../cli/table.js';
import type { ProjectionStatus, RunnerOwner, RunnerStatus } from './projections-api.js';

/** One line per projection and process manager; a position of `-` means nothing handled yet (e.g. just reset). */
export function statusTable(statuses: readonly ProjectionStatus[]): string {
  return table(
    [
      { title: 'NAME' },
      { title: 'KIND' },
      { title: 'VERSION', alignRight: true },
      { title: 'STATE' },
      { title: 'POSITION', alignRight: true },
      { title: 'LAG', alignRight: true },
    ],
    statuses.map((s) => [
      s.name,
      s.kind,
      String(s.version),
      s.state,
      s.position === null ? '-' : digits(s.position),
      digits(s.lag),
    ]),
  );
}

/** What went wrong, for those that say so: the table has no room for an error message. */
export function errorLines(statuses: readonly ProjectionStatus[]): string[] {
  return statuses
    .filter((s) => s.lastError !== null)
    .map((s) => {
      const next = s.nextAttemptAt === null ? '' : ` (next attempt ${s.nextAttemptAt})`;
      return `${s.name} ${s.state}: ${s.lastError ?? ''}${next}`;
    });
}

/** Which process runs projections, process managers and timers, as seen from the API at `url`. */
export function runnerText(runner: RunnerStatus, url: string): string {
  const here = `The API at ${url} (pid ${runner.pid})`;
  switch (runner.role) {
    case 'active':
      return `${here} runs the background jobs: projections, process managers and timers (lease: ${runner.lease}).`;
    case 'standby':
      return `${here} stands by and takes the background jobs over when their process stops; ${holder(runner.owner)}.`;
    case 'api':
      return `${here} serves HTTP only (LTC_ROLE=api) and never runs the background jobs; ${holder(runner.owner)}.`;
  }
}

/** Why a rebuild was refused with WORKER_NOT_IN_PROCESS, and where to send it instead. */
export function elsewhereText(runner: RunnerStatus, url: string): string {
  const lines = [runnerText(runner, url), 'Only the process that runs the background jobs rebuilds.'];
  if (runner.role === 'active') {
    lines.push('It has taken them over since: run the command again.');
  } else if (runner.owner === null) {
    lines.push('Start one that also serves HTTP (npm start, LTC_ROLE=all) on the same data and point --url at it.');
  } else if (runner.owner.processRole === 'worker') {
    // A worker has no HTTP: the jobs must move to a process that has, which the lease allows only once the worker stops.
    lines.push(
      'That is a worker (npm run start:worker), which serves no HTTP: start a process with LTC_ROLE=all on the same ' +
        'data, stop the worker so that it takes the jobs over, and point --url at it.',
    );
  } else {
    lines.push(`Point --url (or LTC_URL) at the HTTP address of pid ${runner.owner.pid} on ${runner.owner.host}.`);
  }
  return lines.join('\n');
}

function holder(owner: RunnerOwner | null): string {
  if (owner === null) return 'no process has taken the lease yet';
  return `the lease was last taken by pid ${owner.pid} on ${owner.host} (role ${owner.processRole}) at ${owner.since}`;
}
