import type { RecordedEvent } from '../recorded-event.js';
import type { LogPage } from '../paged-subscription.js';

/** Whether a subscription wants an event (its filter, compiled once). */
export type EventMatcher = (event: RecordedEvent) => boolean;

/**
 * The newest events of the log, read from the file once and shared by every
 * subscription of this process that has caught up with them.
 *
 * Each live subscriber used to read (and JSON-parse) the same new events on its own,
 * one filtered query per subscriber per commit; with a few dozen projections and
 * process managers that was a quarter of the engine's CPU under load. Here one
 * unfiltered read brings the new events in, and each subscriber's page is a filtered
 * slice of this window. A subscriber behind the window's start reads the file as
 * before, with its filter in SQL, until it reaches the window.
 *
 * The window holds every event with `from < position <= to`: it only ever grows at the
 * top by a read of everything after `to` (a consistent snapshot, and the single writer
 * commits in position order, so the read is a gap-free prefix of what will be
 * committed) and only ever drops from the bottom. Events are shared, not copied:
 * `RecordedEvent` is read-only to its consumers.
 */
export class RecentLog {
  private events: RecordedEvent[] = [];
  private coveredFrom: bigint;
  private coveredTo: bigint;

  constructor(
    head: bigint,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a whole number ≥ 1');
    this.coveredFrom = head;
    this.coveredTo = head;
  }

  /** The newest position the window holds everything up to. */
  get to(): bigint {
    return this.coveredTo;
  }

  /** Whether events right after `after` have already left the window (or never were in it). */
  startsAfter(after: bigint): boolean {
    return after < this.coveredFrom;
  }

  /** Whether the window holds every event after `after` up to `to`. */
  covers(after: bigint): boolean {
    return after >= this.coveredFrom && after <= this.coveredTo;
  }

  /**
   * Adds what `readAfter` finds after `to` (every event, in position order); the oldest
   * events beyond the capacity leave the window. Returns how many were added.
   */
  extend(readAfter: (after: bigint) => readonly RecordedEvent[]): number {
    const read = readAfter(this.coveredTo);
    const last = read[read.length - 1];
    if (last === undefined) return 0;
    for (const event of read) this.events.push(event);
    this.coveredTo = last.position;
    const excess = this.events.length - this.capacity;
    if (excess > 0) {
      const dropped = this.events.splice(0, excess);
      this.coveredFrom = dropped[dropped.length - 1]?.position ?? this.coveredFrom;
    }
    return read.length;
  }

  /**
   * The events after `after` that `matches` accepts, up to `max` of them. `moreAfterTo`:
   * the log is known to go on past `to`, so a page that scanned to the end of the window
   * still asks to be read on at once. Call only when `covers(after)`.
   */
  page(after: bigint, matches: EventMatcher, max: number, moreAfterTo: boolean): LogPage {
    const found: RecordedEvent[] = [];
    for (let index = this.firstAfter(after); index < this.events.length; index += 1) {
      const event = this.events[index] as RecordedEvent;
      if (!matches(event)) continue;
      found.push(event);
      if (found.length === max) return { events: found, scannedTo: event.position, full: true };
    }
    return { events: found, scannedTo: this.coveredTo, full: moreAfterTo };
  }

  /** Index of the first event with a position after `after` (binary search; positions ascend). */
  private firstAfter(after: bigint): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.events[middle] as RecordedEvent).position <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
