/** What a race test needs of one response: its status and, for refusals, the stable error code. */
export interface RaceOutcome {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are untyped JSON in tests
  readonly body?: any;
}

export interface ExactlyOneExpectation {
  /** The status of the single request that must win. */
  readonly winner: number;
  /** The status and error code every other request must get. */
  readonly losers: readonly [status: number, code: string];
}

/**
 * Asserts the exact outcome of a race: one request won with `winner`, every other one
 * lost with exactly `losers` (status and code). Checking a filtered subset instead
 * ("every 409 has the code") is vacuously true when a loser got a 500, so race tests
 * use this. Returns the winner for further checks. Throws (failing the test) with the
 * tally of what actually happened.
 */
export function expectExactlyOne<Result extends RaceOutcome>(
  results: readonly Result[],
  expectation: ExactlyOneExpectation,
): Result {
  const [loserStatus, loserCode] = expectation.losers;
  const winners = results.filter((r) => r.status === expectation.winner);
  const losers = results.filter((r) => r.status === loserStatus && codeOf(r) === loserCode);
  const winner = winners[0];
  if (winners.length !== 1 || winner === undefined || losers.length !== results.length - 1) {
    throw new Error(
      `Expected exactly one ${expectation.winner} and ${results.length - 1} × ${loserStatus} ${loserCode}, ` +
        `got ${tally(results)}`,
    );
  }
  return winner;
}

/** Asserts that every request of a race got `status` (e.g. concurrent retries of one key all answered 201). */
export function expectEvery<Result extends RaceOutcome>(results: readonly Result[], status: number): void {
  if (results.length === 0 || results.some((r) => r.status !== status)) {
    throw new Error(`Expected all ${results.length} requests to get ${status}, got ${tally(results)}`);
  }
}

function codeOf(result: RaceOutcome): string | undefined {
  const body: unknown = result.body;
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  return typeof body.code === 'string' ? body.code : undefined;
}

function tally(results: readonly RaceOutcome[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    const key = [result.status, codeOf(result)].filter((part) => part !== undefined).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`).join(', ') || 'no responses';
}
