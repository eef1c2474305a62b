import { commandHeaders, newIdempotencyKey } from './command-headers';
import { STALE_MESSAGE, describeProblem, isStale, problemOf, unreachable } from './problem';

describe('API errors in words', () => {
  it('shows code and message of the API error body', () => {
    const problem = problemOf(409, { statusCode: 409, code: 'LEAD_ALREADY_CLAIMED', message: 'rep-ada has it' });
    expect(describeProblem(problem)).toBe('LEAD_ALREADY_CLAIMED: rep-ada has it');
  });

  it('turns a stale revision (412) into "changed by someone else — reload", keeping the current revision', () => {
    const problem = problemOf(412, {
      code: 'REVISION_MISMATCH',
      message: 'expected 3',
      details: { currentRevision: 5 },
    });
    expect(isStale(problem)).toBe(true);
    expect(problem.currentRevision).toBe(5);
    expect(describeProblem(problem)).toBe(STALE_MESSAGE);
  });

  it('still says something when the body is not the API error shape, or there was no answer', () => {
    expect(describeProblem(problemOf(502, '<html>Bad gateway</html>'))).toBe('HTTP_502: The server answered 502');
    expect(describeProblem(unreachable(new TypeError('Failed to fetch')))).toBe(
      'NETWORK_ERROR: The server could not be reached (Failed to fetch)',
    );
    expect(describeProblem(problemOf(401, { code: 'TOKEN_EXPIRED', message: 'expired' }))).toMatch(/sign in again/);
  });
});

describe('Command headers', () => {
  it('sends the revision on screen as If-Match and one idempotency key per action', () => {
    const key = newIdempotencyKey(() => 'f00d');
    expect(commandHeaders(7, key)).toEqual({ 'If-Match': '"7"', 'Idempotency-Key': 'web-f00d' });
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
