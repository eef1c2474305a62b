import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors.js';
import { eventMatcher } from '../event-filter.js';
import type { EventFilter, EventSubscription } from '../event-store.port.js';
import type { RecordedEvent } from '../recorded-event.js';
import { isTransientFailure } from './esdb-errors.mapper.js';
import { fromResolvedEvent } from './esdb-event.mapper.js';

/** How a dropped subscription is re-established. */
export interface ResubscribePolicy {
  /** Failed attempts in a row (none confirmed by the server) before the iterator throws. */
  readonly maxAttempts: number;
  /** Pause before the first retry; it doubles per failed attempt up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = { maxAttempts: 8, initialDelayMs: 100, maxDelayMs: 5_000 };

/** Opens one server-side subscription delivering events strictly after `after`. */
export type SubscriptionOpener = (after: bigint | undefined) => AllStreamSubscription;

type Signal =
  | { readonly kind: 'event'; readonly resolved: AllStreamResolvedEvent }
  | { readonly kind: 'failed'; readonly error: Error }
  | { readonly kind: 'ended' };

// Events buffered per call before the gRPC stream is paused (back-pressure to the server).
const HIGH_WATER = 256;
const LOW_WATER = 64;

/**
 * A subscription to $all that survives dropped connections: when the server call fails
 * for a transient reason (or ends while nobody closed it) it opens a new one strictly
 * after the last event it has handed out or skipped, so nothing is lost or repeated.
 * It gives up, throwing from the iterator, on a non-transient failure or after
 * `maxAttempts` failed attempts in a row.
 */
export class EsdbSubscription implements EventSubscription {
  private readonly closing = new AbortController();
  private readonly stopped: Promise<void>;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;
  private current: SubscriptionCall | undefined;
  private resumeAfter: bigint | undefined;
  private readonly matches: (event: RecordedEvent) => boolean;

  constructor(
    private readonly open: SubscriptionOpener,
    after: bigint | undefined,
    filter: EventFilter | undefined,
    private readonly policy: ResubscribePolicy,
    private readonly onClose: () => void,
  ) {
    this.resumeAfter = after;
    this.matches = eventMatcher(filter);
    this.stopped = new Promise((resolve) =>
      this.closing.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.onClose();
    await this.current?.dispose();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let failures = 0;
    try {
      while (!this.closing.signal.aborted) {
        const call = new SubscriptionCall(this.open(this.resumeAfter));
        this.current = call;
        let failure: Error | undefined;
        try {
          for (;;) {
            const signal = await call.next(this.stopped);
            if (!signal || this.closing.signal.aborted) return;
            if (signal.kind !== 'event') {
              failure = signal.kind === 'failed' ? signal.error : undefined;
              break;
            }
            const position = signal.resolved.event?.position.commit;
            if (position !== undefined) {
              // Only a server misbehaving after a resubscription could repeat an event; never pass one on twice.
              if (this.resumeAfter !== undefined && position <= this.resumeAfter) continue;
              this.resumeAfter = position;
            }
            const event = fromResolvedEvent(signal.resolved);
            if (event && this.matches(event)) yield event;
          }
        } finally {
          this.current = undefined;
          await call.dispose();
        }

        if (failure !== undefined && !isTransientFailure(failure)) {
          throw new EventStoreUnavailableError(`EventStoreDB subscription to $all failed: ${failure.message}`, {
            cause: failure,
          });
        }
        failures = call.confirmed ? 1 : failures + 1;
        if (failures >= this.policy.maxAttempts) {
          throw new EventStoreUnavailableError(
            `EventStoreDB subscription to $all failed ${failures} times in a row; giving up`,
            { cause: failure },
          );
        }
        await this.pause(Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** (failures - 1)));
      }
    } finally {
      await this.close();
    }
  }

  /** Waits before a retry; close() cuts the wait short. */
  private async pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.stopped]);
    clearTimeout(timer);
  }
}

/** One server-side subscription call as a pull queue, paused when the consumer lags. */
class SubscriptionCall {
  /** Whether the server confirmed this call: the connection worked, whatever happens next. */
  confirmed = false;
  private readonly queue: Signal[] = [];
  private wake: (() => void) | undefined;
  private disposed: Promise<void> | undefined;

  constructor(private readonly source: AllStreamSubscription) {
    source.on('confirmation', () => {
      this.confirmed = true;
    });
    source.on('data', (resolved: AllStreamResolvedEvent) => {
      this.push({ kind: 'event', resolved });
      if (this.queue.length >= HIGH_WATER) source.pause();
    });
    source.on('error', (error: Error) => this.push({ kind: 'failed', error }));
    source.on('end', () => this.push({ kind: 'ended' }));
  }

  /** The next signal, or undefined once `stop` settles first. */
  async next(stop: Promise<void>): Promise<Signal | undefined> {
    for (;;) {
      const signal = this.queue.shift();
      if (signal) {
        if (this.queue.length <= LOW_WATER && this.source.isPaused()) this.source.resume();
        return signal;
      }
      const arrived = new Promise<boolean>((resolve) => (this.wake = () => resolve(true)));
      if (!(await Promise.race([arrived, stop.then(() => false)]))) return undefined;
    }
  }

  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      this.source.removeAllListeners();
      // A late error from a call we no longer read must not become an unhandled 'error' event.
      this.source.on('error', () => undefined);
      try {
        await this.source.unsubscribe();
      } catch {
        // The call never got a connection; there is nothing left to cancel.
      }
    })();
    return this.disposed;
  }

  private push(signal: Signal): void {
    this.queue.push(signal);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
