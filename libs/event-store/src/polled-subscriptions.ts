import type { EventSubscription } from './event-store.port.js';
import type { HeadSignal } from './head-signal.js';
import { PagedSubscription, type LogPage } from './paged-subscription.js';

/**
 * The paged subscriptions of one store instance, and what wakes them for commits made by
 * other processes: a poll of the head, run only while a subscription is open (the timer keeps
 * the process alive, as an open socket would). `onListening` hears when that starts and stops,
 * for a store that also has a push channel (PostgreSQL's LISTEN). Shared by the embedded and
 * the PostgreSQL store.
 */
export class PolledSubscriptions {
  private readonly open = new Set<PagedSubscription>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly head: HeadSignal,
    private readonly pollIntervalMs: number,
    private readonly poll: () => void,
    private readonly onListening: (listening: boolean) => void = () => undefined,
  ) {}

  subscribe(readPage: (after: bigint) => LogPage | Promise<LogPage>, after: bigint): EventSubscription {
    const subscription = new PagedSubscription(readPage, this.head, after, () => {
      this.open.delete(subscription);
      this.update();
    });
    this.open.add(subscription);
    this.update();
    return subscription;
  }

  /** Ends every subscription, and with the last one the polling. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
    this.update();
  }

  private update(): void {
    const wanted = this.open.size > 0;
    if (wanted && !this.timer) {
      this.timer = setInterval(this.poll, this.pollIntervalMs);
      this.onListening(true);
    } else if (!wanted && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.onListening(false);
    }
  }
}
