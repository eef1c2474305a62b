import type { HeadSignal } from '../head-signal.js';
import type { LogPage } from '../paged-subscription.js';
import type { RecordedEvent } from '../recorded-event.js';
import { RecentLog, type EventMatcher } from '../sqlite/recent-log.js';

/**
 * The embedded store's window of recent events (ADR 0020) over a server: the live
 * subscriptions of this process share one read of each new stretch of the log instead of
 * each sending its own two queries after every commit. Reads that extend the window run one
 * at a time, so the window grows only from its own top, which keeps `RecentLog`'s promise:
 * every read is a gap-free prefix of the log (positions are given in commit order, ADR 0032).
 */
export class RecentWindow {
  private log: Promise<RecentLog> | undefined;
  private extending: Promise<void> | undefined;

  constructor(
    private readonly head: HeadSignal,
    private readonly capacity: number,
    private readonly readHead: () => Promise<bigint>,
    private readonly readAfter: (after: bigint) => Promise<readonly RecordedEvent[]>,
  ) {}

  /** The page from the window; undefined when the subscriber is not within it and must read the server. */
  async page(after: bigint, matches: EventMatcher, max: number): Promise<LogPage | undefined> {
    const log = await this.opened();
    if (log.startsAfter(after)) return undefined;
    // Read on only for a subscriber at the window's top (or past it): one behind takes what is
    // there first, so a subscriber catching up does not bring in a stretch per page it reads.
    if (after > log.to || (after === log.to && this.head.position > log.to)) await this.extend(log);
    if (!log.covers(after)) return undefined;
    return log.page(after, matches, max, this.head.position > log.to);
  }

  /** Opened at the head of the moment: the subscriptions behind it read the server up to it. */
  private opened(): Promise<RecentLog> {
    this.log ??= this.readHead().then(
      (head) => new RecentLog(head, this.capacity),
      (error: unknown) => {
        this.log = undefined;
        throw error;
      },
    );
    return this.log;
  }

  private extend(log: RecentLog): Promise<void> {
    this.extending ??= this.readAfter(log.to)
      .then((read) => {
        log.extend(() => read);
        this.head.advance(log.to);
      })
      .finally(() => {
        this.extending = undefined;
      });
    return this.extending;
  }
}
