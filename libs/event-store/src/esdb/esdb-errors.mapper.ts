import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import type { ExpectedRevision } from '../event-store.port.js';

/**
 * Whether a failure is one of the connection's (server restarting, network fault, leader
 * change, deadline): worth retrying a read or a subscription after a pause.
 */
export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  );
}

/**
 * Our error for a failed append: a conflict becomes `WrongExpectedRevisionError` (with
 * the stream's actual revision, undefined when it does not exist), a connection failure
 * `EventStoreUnavailableError`; anything else (a bug, invalid data) passes through.
 */
export function appendFailure(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : undefined;
    return new WrongExpectedRevisionError(stream, expected, actual);
  }
  return operationFailure(error, `append to ${stream}`);
}

/** A connection failure as `EventStoreUnavailableError`; anything else unchanged. */
export function operationFailure(error: unknown, operation: string): unknown {
  if (isTransientFailure(error) || error instanceof UnknownError) {
    const reason = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`EventStoreDB ${operation} failed: ${reason}`, { cause: error });
  }
  return error;
}
