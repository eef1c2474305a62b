interface Waiter {
  readonly after: bigint;
  readonly wake: () => void;
}

/**
 * The newest global position this process knows of. Subscriptions that have read
 * everything wait here rather than each querying the file: a local commit advances it
 * at once, the store's poll advances it for commits by other processes.
 */
export class HeadSignal {
  private readonly waiters = new Set<Waiter>();

  constructor(private known: bigint) {}

  /** The newest position known to be committed. */
  get position(): bigint {
    return this.known;
  }

  advance(position: bigint): void {
    if (position <= this.known) return;
    this.known = position;
    for (const waiter of [...this.waiters]) if (position > waiter.after) waiter.wake();
  }

  /** Wakes every waiter so it reads again, e.g. to meet a failure of the store. */
  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  /** Resolves once the head is known to be past `after`, or when `signal` aborts. */
  waitBeyond(after: bigint, signal: AbortSignal): Promise<void> {
    if (this.known > after || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          signal.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      this.waiters.add(waiter);
      signal.addEventListener('abort', waiter.wake, { once: true });
    });
  }
}
