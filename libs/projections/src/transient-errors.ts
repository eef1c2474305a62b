import { EventStoreUnavailableError } from '#ltc/event-store';

/**
 * Whether a failure is the infrastructure's passing state (a busy database, a dropped
 * connection, a store electing a leader) rather than a bug in a handler. Transient
 * failures are retried with backoff for as long as they last; anything else stops the
 * subscriber, because replaying the same event into the same code fails the same way.
 *
 * The whole `cause` chain is inspected: a handler that wraps a driver error (or our
 * `HandlerFailedError` wrapping it) is still failing for the driver's reason.
 */
export function isTransientError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 10; depth++) {
    if (isTransientItself(current)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

// SQLite: another connection holds the lock (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…).
const SQLITE_LOCK = /^SQLITE_(BUSY|LOCKED)/;

// Node's socket errors: the peer is restarting, unreachable or dropped us.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: connection exceptions (class 08), serialization failure and deadlock
// (retry the transaction), server shutting down or starting, too many connections.
const PG_TRANSIENT = /^(08...|40001|40P01|57P0[123]|53300)$/;

// gRPC status codes (EventStoreDB): 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED.
const GRPC_TRANSIENT = new Set([4, 14]);

// EventStoreDB client error types (they also carry the gRPC code, but not always).
const ESDB_TRANSIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader']);

// Messages of drivers that carry no code: pg when the server goes away mid-query.
const TRANSIENT_MESSAGE = /Connection terminated|connection timeout|not leader|leader (is )?changed/i;

function isTransientItself(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, type } = error as { code?: unknown; message?: unknown; type?: unknown };
  if (typeof type === 'string' && ESDB_TRANSIENT_TYPES.has(type)) return true;
  if (typeof code === 'string' && (SQLITE_LOCK.test(code) || SOCKET_CODES.has(code) || PG_TRANSIENT.test(code))) {
    return true;
  }
  if (typeof code === 'number' && GRPC_TRANSIENT.has(code)) return true;
  return typeof message === 'string' && TRANSIENT_MESSAGE.test(message);
}
