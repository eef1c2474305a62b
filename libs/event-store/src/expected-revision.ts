import type { ExpectedRevision } from './event-store.port.js';

/** Whether a stream at `actual` (undefined: no stream) is what an appender expected. Shared by the adapters that check it themselves. */
export function satisfiesExpected(expected: ExpectedRevision, actual: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  if (expected === 'stream_exists') return actual !== undefined;
  return actual === expected;
}
