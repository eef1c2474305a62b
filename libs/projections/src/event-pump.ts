import type { EventSubscription, RecordedEvent } from '#ltc/event-store';

/**
 * Reads a subscription ahead into a bounded buffer, so a consumer can take "whatever
 * has arrived" as one batch without waiting to fill it, while the next events load
 * during the consumer's commit.
 */
export class EventPump {
  private readonly buffer: RecordedEvent[] = [];
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private closing = false;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;
  private readonly pulling: Promise<void>;

  constructor(
    private readonly subscription: EventSubscription,
    private readonly highWaterMark: number,
  ) {
    this.pulling = this.pull();
  }

  /** Events read but not yet taken. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** False once the subscription has ended (closed or failed). */
  get open(): boolean {
    return !this.ended;
  }

  /**
   * With nothing left in the buffer: the position up to which every event the consumer
   * wants has been taken (the subscription's `scannedTo`). Undefined while events wait in
   * the buffer, or where the store cannot tell.
   */
  get takenThrough(): bigint | undefined {
    return this.buffer.length === 0 ? this.subscription.scannedTo : undefined;
  }

  /**
   * Waits for at least one event, then returns up to `max` of those already read.
   * Returns an empty batch once `signal` aborts or the pump is closed; throws the
   * subscription's failure after the events read before it. `fill`: let the reader fill
   * the batch first (see `letReaderCatchUp`), for a consumer that pays per batch and is
   * catching up; live, a batch goes out at once. `idleMs`: with nothing arriving for that
   * long, return an empty batch anyway (the pump stays open).
   */
  async take(max: number, signal: AbortSignal, fill = false, idleMs?: number): Promise<RecordedEvent[]> {
    while (this.buffer.length === 0) {
      if (this.failure) throw this.failure.error;
      if (this.ended || signal.aborted) return [];
      if (!(await this.waitForEvents(signal, idleMs))) return [];
    }
    if (fill) await this.letReaderCatchUp(max, signal);
    const batch = this.buffer.splice(0, max);
    this.wake('producer');
    return batch;
  }

  /**
   * The reader hands events over one promise turn at a time, and the consumer's own
   * awaits let it in only now and then: taken at once, a catch-up batch held a few dozen
   * events (measured: 26 on average at a batch size of 500), and every batch costs a
   * commit. Events already read from disk arrive within one turn of the event loop, so
   * wait turns while the buffer still grows and is short of `max`; at the head it stops
   * growing and the batch goes out after one turn.
   */
  private async letReaderCatchUp(max: number, signal: AbortSignal): Promise<void> {
    let before = -1;
    while (this.buffer.length < max && this.buffer.length > before && !this.ended && !signal.aborted) {
      before = this.buffer.length;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Lets the reader hand over what it has already read (one turn of the event loop). */
  async settle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Closes the subscription and waits until the reader has stopped. */
  async close(): Promise<void> {
    this.closing = true;
    this.wake('producer');
    this.wake('consumer');
    await this.subscription.close();
    await this.pulling;
  }

  private async pull(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        this.buffer.push(event);
        this.wake('consumer');
        while (this.buffer.length >= this.highWaterMark && !this.closing) {
          await new Promise<void>((resolve) => (this.wakeProducer = resolve));
        }
        if (this.closing) break;
      }
      // The port promises an endless stream until close(); an early end is a failure.
      if (!this.closing) this.failure = { error: new Error('Event subscription ended unexpectedly') };
    } catch (error) {
      if (!this.closing) this.failure = { error };
    } finally {
      this.ended = true;
      this.wake('consumer');
    }
  }

  /** Resolves true when woken (events, an end, an abort), false when `idleMs` passed first. */
  private waitForEvents(signal: AbortSignal, idleMs: number | undefined): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = idleMs === undefined ? undefined : setTimeout(() => settle(false), idleMs);
      const done = (): void => settle(true);
      const settle = (woken: boolean): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wakeConsumer === done) this.wakeConsumer = undefined;
        resolve(woken);
      };
      this.wakeConsumer = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(who: 'consumer' | 'producer'): void {
    const wake = who === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (who === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    wake?.();
  }
}
