import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  LayeredEventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '#ltc/event-store';
import type { EngineMetrics } from './engine-metrics.js';

/**
 * The configured store with its appends timed and counted; everything else passes through.
 * A layer (`stored` is the store underneath), so the hash-chain check still finds the bytes as written.
 */
export class MeteredEventStore implements LayeredEventStore {
  constructor(
    readonly stored: EventStore,
    private readonly metrics: EngineMetrics,
  ) {}

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const done = this.metrics.appendSeconds.startTimer();
    try {
      const result = await this.stored.appendToStream(stream, events, options);
      this.metrics.appendedEvents.inc(events.length);
      return result;
    } finally {
      done();
    }
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.stored.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.stored.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.stored.subscribeToAll(options);
  }

  readHeadPosition(): Promise<bigint> {
    return this.stored.readHeadPosition();
  }

  ping(): Promise<void> {
    return this.stored.ping();
  }

  close(): Promise<void> {
    return this.stored.close();
  }
}
