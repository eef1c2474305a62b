/** `If-Match` named a revision the stream has moved past. Mapped to HTTP 412. */
export class StaleRevisionError extends Error {
  readonly code = 'REVISION_MISMATCH';
  constructor(
    readonly stream: string,
    readonly expected: bigint,
    readonly actual: bigint | undefined,
  ) {
    super(
      `Expected revision ${expected.toString()} but the resource is at ${actual === undefined ? 'none' : actual.toString()}`,
    );
    this.name = 'StaleRevisionError';
  }
}

/** The same idempotency key was sent again with a different request. Mapped to HTTP 422. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Concurrent writers kept winning the race for a stream; the client may retry. Mapped to HTTP 409. */
export class ConcurrentModificationError extends Error {
  readonly code = 'CONCURRENT_MODIFICATION';
  constructor(readonly stream: string) {
    super(`Stream ${stream} kept changing while the command was being decided; try again`);
    this.name = 'ConcurrentModificationError';
  }
}
