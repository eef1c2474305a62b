import type { EventSubscription } from './event-store.port.js';
import type { RecordedEvent } from './recorded-event.js';

/**
 * The shell every in-process subscription shares: one iterator, produced by `run`,
 * which must stop when `signal` aborts; `close()` aborts it once and tells the owner.
 */
export abstract class ClosableSubscription implements EventSubscription {
  private readonly closing = new AbortController();
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(private readonly onClose: () => void) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.iterate();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.onClose();
  }

  protected abstract run(signal: AbortSignal): AsyncGenerator<RecordedEvent>;

  private async *iterate(): AsyncGenerator<RecordedEvent> {
    try {
      yield* this.run(this.closing.signal);
    } finally {
      await this.close();
    }
  }
}
