import type { PhaseResult } from './http-load.js';
import type { CatchUp, LagSample } from './http-monitor.js';
import { count } from './report.js';

/** A write phase with the lag sampled while it ran and while the background work caught up. */
export interface WritePhase {
  readonly phase: string;
  readonly catchUp: CatchUp;
  /** The phase's load: how many commands succeeded over how many seconds. */
  readonly load: PhaseResult;
  readonly samples: readonly LagSample[];
}

/** The phases as a Markdown table; the floor row is the same run's framework ceiling. */
export function formatPhases(phases: readonly PhaseResult[]): string {
  const floor = phases[0]?.okPerSecond;
  const rows = phases.map((phase) => [
    phase.phase,
    count(phase.okPerSecond),
    floor ? `${Math.round((100 * phase.okPerSecond) / floor)} %` : '–',
    `${phase.p50Ms}`,
    `${phase.p99Ms}`,
    `${phase.failed}`,
    phase.statuses,
  ]);
  return table(['phase', '2xx /s', '÷ floor', 'p50 ms', 'p99 ms', 'failed', 'statuses'], rows);
}

/**
 * Per write phase: the worst lag, the catch-up time, and the lag over time (one entry
 * per sample: seconds since the bench began, events behind, seconds behind).
 */
export function formatLag(writes: readonly WritePhase[]): string {
  const summary = table(
    ['after phase', 'max lag events', 'max lag s', 'slowest', 'catch-up s', 'done end to end /s'],
    writes.map((write) => {
      const worst = write.samples.reduce<LagSample | undefined>(
        (max, sample) => (!max || sample.events > max.events ? sample : max),
        undefined,
      );
      return [
        write.phase,
        count(worst?.events ?? 0),
        Math.max(0, ...write.samples.map((s) => s.seconds)).toFixed(1),
        worst?.slowest ?? '–',
        write.catchUp.behind === 0
          ? write.catchUp.seconds.toFixed(1)
          : `not within ${write.catchUp.seconds.toFixed(0)} (${count(write.catchUp.behind)} behind, ${write.catchUp.slowest})`,
        // Commands whose every background consequence is done, per second of load plus catch-up.
        write.catchUp.behind === 0
          ? count((write.load.okPerSecond * write.load.seconds) / (write.load.seconds + write.catchUp.seconds))
          : '–',
      ];
    }),
  );
  const timelines = writes.map(
    (write) =>
      `lag over time, ${write.phase} (t s: events behind / s behind / RSS MiB): ` +
      write.samples
        .map((s) => `${s.at.toFixed(0)}: ${s.events}/${s.seconds.toFixed(1)}/${Math.round(s.rssMiB)}`)
        .join(', '),
  );
  return [summary, '', ...timelines].join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}
