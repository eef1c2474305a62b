import {
  rebuildInMemoryByPages,
  rebuildInMemoryBySubscription,
  rebuildInMemoryRaw,
  type RebuildRun,
} from './rebuild-load.js';

/** One round of the three in-memory rebuilds over the same log: the floor, then the store's two read paths. */
interface MemoryRound {
  readonly floor: RebuildRun;
  readonly pages: RebuildRun;
  readonly subscription: RebuildRun;
}

/**
 * The in-memory rebuilds, `rounds` times in turn (floor, readAll pages, subscription) after
 * one warm-up, as Markdown lines: each round's events/s with its ratio to the floor of the
 * same round, then the medians. Interleaved because the machine may be shared: a busy
 * neighbour then slows every variant of a round alike, and the ratio stays readable.
 */
export async function memoryRebuildRounds(filename: string, rounds: number): Promise<string[]> {
  await rebuildInMemoryByPages(filename);
  const runs: MemoryRound[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const floor = rebuildInMemoryRaw(filename);
    const pages = await rebuildInMemoryByPages(filename);
    const subscription = await rebuildInMemoryBySubscription(filename);
    runs.push({ floor, pages, subscription });
  }
  const perSecond = (run: RebuildRun): number => run.events / run.seconds;
  const cpuPerEvent = (run: RebuildRun): number => (run.cpuSeconds * 1e6) / run.events;
  const cpu = (run: RebuildRun): string => cpuPerEvent(run).toFixed(2);
  const cell = (run: RebuildRun, floor: RebuildRun): string =>
    `${Math.round(perSecond(run)).toLocaleString('en-US')} (${(perSecond(run) / perSecond(floor)).toFixed(2)}×, ${cpu(run)} µs)`;
  const lines = [
    '| round | floor: bare read + parse /s (cpu µs/event) | store readAll pages /s (÷ floor, cpu) | store subscribeToAll /s (÷ floor, cpu) |',
    '|---|---|---|---|',
    ...runs.map(
      (run, index) =>
        `| ${index + 1} | ${Math.round(perSecond(run.floor)).toLocaleString('en-US')} (${cpu(run.floor)} µs) | ` +
        `${cell(run.pages, run.floor)} | ${cell(run.subscription, run.floor)} |`,
    ),
  ];
  const ratio = (pick: (run: MemoryRound) => RebuildRun): string =>
    median(runs.map((run) => perSecond(pick(run)) / perSecond(run.floor))).toFixed(2);
  // CPU time per event moves little when neighbours compete for the cores: the steadier ratio.
  const cpuRatio = (pick: (run: MemoryRound) => RebuildRun): string =>
    median(runs.map((run) => cpuPerEvent(run.floor) / cpuPerEvent(pick(run)))).toFixed(2);
  lines.push(
    '',
    `median ÷ floor over ${runs.length} rounds: readAll pages ${ratio((run) => run.pages)}×, ` +
      `subscribeToAll ${ratio((run) => run.subscription)}× (goal ≥ 0.8×); by CPU time per event: ` +
      `readAll pages ${cpuRatio((run) => run.pages)}×, subscribeToAll ${cpuRatio((run) => run.subscription)}×; ` +
      `check: ${runs.every((run) => sameFold(run.floor, run.pages) && sameFold(run.floor, run.subscription)) ? 'ok, every fold equals the floor' : 'MISMATCH between the folds'}`,
  );
  return lines;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The same events folded into the same counts. */
function sameFold(a: RebuildRun, b: RebuildRun): boolean {
  if (a.events !== b.events || a.perStage.size !== b.perStage.size) return false;
  return [...a.perStage].every(([stage, leads]) => b.perStage.get(stage) === leads);
}
