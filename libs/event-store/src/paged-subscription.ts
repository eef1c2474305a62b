import type { EventSubscription } from './event-store.port.js';
import type { RecordedEvent } from './recorded-event.js';
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

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A catch-up subscription that pulls: it reads a page after its cursor, hands those
 * events out one by one as the consumer asks, and only then reads the next page or,
 * at the head, waits for the head to move. Catch-up and live are the same loop resumed
 * by position, so there is no hand-over where an event could be skipped or repeated,
 * and a slow consumer holds at most one page in memory.
 *
 * The iterator is written by hand rather than as an async generator: an event already
 * in the page is handed out as a settled promise, without the generator's suspend and
 * resume per event (measured: a tenth of a rebuild's CPU time). It keeps a generator's
 * rules: one read at a time however the consumer calls `next`, done once closed, and
 * closed when the consumer stops early (`return`) or a read fails.
 */
export class PagedSubscription implements EventSubscription {
  private readonly closing = new AbortController();
  private cursor: bigint;
  private scanned: bigint;
  private page: readonly RecordedEvent[] = [];
  private nextInPage = 0;
  /** The last page was not full: the next read waits for the head to pass the cursor. */
  private atHead = false;
  private reading: Promise<IteratorResult<RecordedEvent>> | undefined;
  private readonly iterator: AsyncIterator<RecordedEvent> = {
    next: () => this.next(),
    return: async () => {
      await this.close();
      return DONE;
    },
  };

  constructor(
    /** Synchronous for the embedded store (no promise per page), a promise for a server. */
    private readonly readPage: (after: bigint) => LogPage | Promise<LogPage>,
    private readonly head: HeadSignal,
    after: bigint,
    private readonly onClose: () => void,
  ) {
    this.cursor = after;
    this.scanned = after;
  }

  /** Set only when the page before the cursor is wholly handed out (see the port). */
  get scannedTo(): bigint {
    return this.scanned;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.page = [];
    this.onClose();
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    // A call made while a read is under way waits for it, as an async generator queues calls.
    if (this.reading) {
      const again = (): Promise<IteratorResult<RecordedEvent>> => this.next();
      return this.reading.then(again, again);
    }
    if (this.closing.signal.aborted) return Promise.resolve(DONE);
    const event = this.page[this.nextInPage];
    if (event !== undefined) {
      this.nextInPage += 1;
      return Promise.resolve({ done: false, value: event });
    }
    const reading = this.readOn();
    this.reading = reading;
    const settled = (): void => {
      this.reading = undefined;
    };
    reading.then(settled, settled);
    return reading;
  }

  /** Reads pages (waiting at the head in between) until one holds an event, or the subscription closes. */
  private async readOn(): Promise<IteratorResult<RecordedEvent>> {
    const signal = this.closing.signal;
    try {
      while (!signal.aborted) {
        // Reading on: every event of the last page has been handed out.
        this.scanned = this.cursor;
        if (this.atHead) await this.head.waitBeyond(this.cursor, signal);
        if (signal.aborted) break;
        const read = this.readPage(this.cursor);
        const page = read instanceof Promise ? await read : read;
        this.cursor = page.scannedTo;
        this.atHead = !page.full;
        const first = page.events[0];
        if (first !== undefined) {
          this.page = page.events;
          this.nextInPage = 1;
          return { done: false, value: first };
        }
      }
    } catch (error) {
      await this.close();
      throw error;
    }
    return DONE;
  }
}
