import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PROBE_SYNCS = 200;
const PAGE = 4096;

/**
 * What the disk and the cores allow right now: durable commits are bounded by fdatasync
 * calls per second (one per transaction), and a neighbour's load depresses every figure.
 * Printed at the start and the end, so a reader can tell a slow store from a busy machine.
 */
export function probeMachine(folder: string): string {
  const file = join(folder, 'fsync-probe.bin');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(PAGE, 1);
  const started = performance.now();
  try {
    for (let index = 0; index < PROBE_SYNCS; index += 1) {
      writeSync(fd, page, 0, PAGE, (index % 64) * PAGE);
      fdatasyncSync(fd);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  const milliseconds = (performance.now() - started) / PROBE_SYNCS;
  const perSecond = Math.round(1000 / milliseconds).toLocaleString('en-US');
  const load = loadavg()[0] ?? 0;
  return `${perSecond} fdatasync/s (${milliseconds.toFixed(2)} ms each), load average ${load.toFixed(1)}`;
}
