import { performance } from 'node:perf_hooks';

/** Wall-clock and CPU time (user + system) of this process since the watch started. */
export interface Elapsed {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/**
 * CPU time is read next to wall time because the bench may share the machine: CPU per
 * operation barely moves when other processes compete for the cores or the disk, so it
 * tells the store's own cost apart from waiting (fsync, a busy neighbour).
 */
export function startStopwatch(): () => Elapsed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}
