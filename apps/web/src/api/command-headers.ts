// The two headers that make a command safe: If-Match (the revision the user saw, so a change
// made meanwhile by someone else is refused with 412 instead of overwritten) and an
// Idempotency-Key (one per user action, so a retried request is applied once).

export interface CommandHeaders {
  readonly 'If-Match': string;
  readonly 'Idempotency-Key': string;
}

/** A fresh key for one user action; a retry of that action sends the same key again. */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return `web-${random()}`;
}

export function commandHeaders(revision: number, idempotencyKey: string): CommandHeaders {
  return { 'If-Match': `"${revision}"`, 'Idempotency-Key': idempotencyKey };
}
