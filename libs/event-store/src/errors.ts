import type { ExpectedRevision } from './event-store.port.js';

/** The stream was not at the revision the appender expected; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'STREAM_REVISION_CONFLICT';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision; `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `Stream ${stream} expected revision ${String(expected)} but is at ${actual === undefined ? 'no stream' : actual.toString()}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The store could not be reached or failed; the operation's outcome is unknown. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
