import { ConcurrentModificationError, IdempotencyKeyReusedError, StaleRevisionError } from './command-errors.js';

/** Clients branch on these codes and read these messages: they are part of the HTTP contract. */
describe('Command errors', () => {
  it('a stale revision names what the client expected and where the resource is', () => {
    const error = new StaleRevisionError('lead-1', 2n, 5n);
    expect(error).toMatchObject({ name: 'StaleRevisionError', code: 'REVISION_MISMATCH', stream: 'lead-1' });
    expect([error.expected, error.actual]).toEqual([2n, 5n]);
    expect(error.message).toBe('Expected revision 2 but the resource is at 5');
    expect(new StaleRevisionError('lead-1', 0n, undefined).message).toBe(
      'Expected revision 0 but the resource is at none',
    );
  });

  it('a reused idempotency key says so', () => {
    expect(new IdempotencyKeyReusedError()).toMatchObject({
      name: 'IdempotencyKeyReusedError',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'This Idempotency-Key was already used with a different request body',
    });
  });

  it('a lost race names the stream and invites a retry', () => {
    expect(new ConcurrentModificationError('lead-1')).toMatchObject({
      name: 'ConcurrentModificationError',
      code: 'CONCURRENT_MODIFICATION',
      stream: 'lead-1',
      message: 'Stream lead-1 kept changing while the command was being decided; try again',
    });
  });
});
