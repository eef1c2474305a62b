import type { EventFilter, EventStore } from './event-store.port.js';
import type { RecordedEvent } from './recorded-event.js';

export interface ReadLogOptions {
  /** Start after this position (a checkpoint); omitted: from the beginning. */
  readonly after?: bigint;
  /** The last position to read (e.g. the head read before starting); later events are left for next time. */
  readonly upTo: bigint;
  readonly filter?: EventFilter;
  /** Events per read; default 1,000. */
  readonly pageSize?: number;
  /** After each page, the position it reached (for a progress bar). */
  readonly afterPage?: (position: bigint) => void;
}

/** The log's events up to a position, page by page, in log order: for a pass over all history. */
export async function* readLog(store: EventStore, options: ReadLogOptions): AsyncGenerator<RecordedEvent> {
  const pageSize = options.pageSize ?? 1_000;
  // Undefined at first: "after 0" would pass over an event at position 0 (EventStoreDB's can be).
  let after: bigint | undefined = options.after;
  while (after === undefined || after < options.upTo) {
    const page = await store.readAll({
      ...(after === undefined ? {} : { after }),
      maxCount: pageSize,
      ...(options.filter ? { filter: options.filter } : {}),
    });
    for (const event of page) {
      if (event.position > options.upTo) return;
      yield event;
      after = event.position;
    }
    options.afterPage?.(after ?? 0n);
    if (page.length < pageSize) return;
  }
}
