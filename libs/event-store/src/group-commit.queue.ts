/** The answer to one request of a batch: requests succeed or fail on their own. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

interface Pending<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit. Requests submitted within one event-loop turn are handed to `commit`
 * together on the next `setImmediate`, at most `maxBatchSize` at a time, so concurrent
 * appends share one transaction and one fsync instead of paying one each. `commit` returns
 * one outcome per request, in order; when it throws (or its promise rejects), the whole batch
 * was rolled back and every request of it fails with that error. It runs synchronously for the
 * embedded store (better-sqlite3); for a server it returns a promise, and the requests that
 * arrive while one batch is being written wait to form the next, so one store instance has
 * at most one write transaction open.
 */
export class GroupCommitQueue<Request, Result> {
  private pending: Pending<Request, Result>[] = [];
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly commit: (
      batch: readonly Request[],
    ) => readonly Outcome<Result>[] | Promise<readonly Outcome<Result>[]>,
    private readonly maxBatchSize: number,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    }
  }

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every request submitted so far has been answered. */
  whenIdle(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const batch = this.pending.splice(0, this.maxBatchSize);
    let written: readonly Outcome<Result>[] | Promise<readonly Outcome<Result>[]>;
    try {
      written = this.commit(batch.map((entry) => entry.request));
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    // A synchronous commit is answered in this turn, as before: no promise per batch.
    if (written instanceof Promise) {
      written.then(
        (outcomes) => this.answer(batch, outcomes),
        (error: unknown) => this.fail(batch, error),
      );
    } else {
      this.answer(batch, written);
    }
  }

  private answer(batch: readonly Pending<Request, Result>[], outcomes: readonly Outcome<Result>[]): void {
    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (!outcome) entry.reject(new Error('Group commit returned no outcome for a request'));
      else if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
    this.goOn();
  }

  /** The whole batch was rolled back: every request of it fails with that error. */
  private fail(batch: readonly Pending<Request, Result>[], error: unknown): void {
    for (const entry of batch) entry.reject(error);
    this.goOn();
  }

  private goOn(): void {
    this.scheduled = false;
    // Later requests go to a new turn, so that callers answered just now can join them.
    if (this.pending.length > 0) this.schedule();
    else this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
