import { ClosableSubscription } from '../closable-subscription.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { HeadSignal } from './head-signal.js';

/** One read of the log for a subscription. */
export interface LogPage {
  readonly events: readonly RecordedEvent[];
  /**
   * Every event up to here has been looked at (a filter may have dropped some), so the
   * next page starts after it. Never beyond what was committed when the page was read.
   */
  readonly scannedTo: bigint;
  /** The page hit its size limit: read on at once instead of waiting for the head. */
  readonly full: boolean;
}

/**
 * A catch-up subscription that pulls: it reads a page after its cursor, hands those
 * events out one by one as the consumer asks, and only then reads the next page or,
 * at the head, waits for the head to move. Catch-up and live are the same loop resumed
 * by position, so there is no hand-over where an event could be skipped or repeated,
 * and a slow consumer holds at most one page in memory.
 */
export class PagedSubscription extends ClosableSubscription {
  constructor(
    private readonly readPage: (after: bigint) => LogPage,
    private readonly head: HeadSignal,
    private readonly after: bigint,
    onClose: () => void,
  ) {
    super(onClose);
  }

  protected async *run(signal: AbortSignal): AsyncGenerator<RecordedEvent> {
    let cursor = this.after;
    while (!signal.aborted) {
      const page = this.readPage(cursor);
      for (const event of page.events) {
        if (signal.aborted) return;
        yield event;
      }
      cursor = page.scannedTo;
      if (!page.full) await this.head.waitBeyond(cursor, signal);
    }
  }
}
