import { performance } from 'node:perf_hooks';

/** Latencies of one workload: percentiles in milliseconds and the rate it ran at. */
export interface LatencyRun {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  /** Responses that were not what the workload expects (their latency still counts). */
  readonly failures: number;
}

/**
 * Runs `requests` calls of `call(i)` with `concurrency` in flight and measures each one.
 * `call` resolves true when the answer was right (e.g. HTTP 200), so a fast error page
 * never passes for a fast read.
 */
export async function measureLatency(
  call: (i: number) => Promise<boolean>,
  requests: number,
  concurrency: number,
): Promise<LatencyRun> {
  const latencies = new Float64Array(requests);
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let i = next++; i < requests; i = next++) {
      const t0 = performance.now();
      if (!(await call(i))) failures++;
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return summary(latencies, seconds, failures);
}

/** A synchronous call (a bare SQL statement) measured one at a time: the floor has no queue. */
export function measureSyncLatency(call: (i: number) => unknown, requests: number): LatencyRun {
  const latencies = new Float64Array(requests);
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    call(i);
    latencies[i] = performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  return summary(latencies, seconds, 0);
}

function summary(latencies: Float64Array, seconds: number, failures: number): LatencyRun {
  latencies.sort();
  const n = latencies.length;
  const at = (q: number): number => latencies[Math.min(n - 1, Math.floor(q * n))] ?? 0;
  return { requests: n, p50: at(0.5), p99: at(0.99), perSecond: n / seconds, failures };
}
