import { randomUUID } from 'node:crypto';
import { chainLink, contentDigest } from '../chain/event-chain.js';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import { ClosableSubscription } from '../closable-subscription.js';
import { eventMatcher } from '../event-filter.js';
import { satisfiesExpected } from '../expected-revision.js';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../event-store.port.js';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../recorded-event.js';

/** What a subscription needs from the store: the log by index, and a wake-up at the head. */
interface LogSource {
  eventAt(index: number): StoredEvent | undefined;
  nextAppend(signal: AbortSignal): Promise<void>;
}

/** An event as held in memory: data and metadata as JSON text, like the durable stores. */
interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: number;
  readonly chainHash: string;
}

/**
 * The event store held in memory, for fast unit tests of handlers and projections.
 * Positions are 1, 2, 3, … (array index + 1). Data and metadata are kept as JSON text,
 * so a test fails here on data that would not survive a durable store (a Date comes
 * back as a string, a bigint is refused) instead of passing only in memory.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly subscriptions = new Set<InMemorySubscription>();
  private wakeUps = new Set<() => void>();
  private closed = false;

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    this.ensureOpen();
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const existing = this.streams.get(stream);
    const actual = existing ? BigInt(existing.length - 1) : undefined;
    const expected = options?.expectedRevision ?? 'any';
    if (!satisfiesExpected(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);

    // Everything is serialised before anything is stored: a bad event leaves no trace.
    const recordedAt = Date.now();
    let previous = existing?.at(-1)?.chainHash;
    const stored = events.map((event, index): StoredEvent => {
      const revision = (actual ?? -1n) + 1n + BigInt(index);
      const id = event.id ?? randomUUID();
      const data = JSON.stringify(event.data ?? null);
      const metadata = JSON.stringify(event.metadata);
      const digest = contentDigest({ id, type: event.type, data: event.data, metadata: event.metadata });
      previous = chainLink(previous, stream, revision, digest);
      return {
        id,
        stream,
        revision,
        position: BigInt(this.log.length + index + 1),
        type: event.type,
        data,
        metadata,
        recordedAt,
        chainHash: previous,
      };
    });
    this.log.push(...stored);
    if (existing) existing.push(...stored);
    else this.streams.set(stream, stored);
    this.wakeSubscribers();
    const last = stored[stored.length - 1];
    if (!last) throw new Error('unreachable: at least one event was stored');
    return { nextRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const events = this.streams.get(stream) ?? [];
    const from = indexFor(options?.fromRevision ?? 0n, events.length);
    return events.slice(from, from + limitOf(options?.maxCount)).map(toRecorded);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const limit = limitOf(options?.maxCount);
    const matches = eventMatcher(options?.filter);
    const found: RecordedEvent[] = [];
    for (let index = this.indexAfter(options?.after); index < this.log.length && found.length < limit; index += 1) {
      const event = this.log[index];
      if (event && matches(event)) found.push(toRecorded(event));
    }
    return found;
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    this.ensureOpen();
    const log: LogSource = {
      eventAt: (index) => this.log[index],
      nextAppend: (signal) => this.nextAppend(signal),
    };
    const subscription = new InMemorySubscription(log, this.indexAfter(options?.after), options?.filter, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async readHeadPosition(): Promise<bigint> {
    this.ensureOpen();
    return BigInt(this.log.length);
  }

  async ping(): Promise<void> {
    this.ensureOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  /** Resolves on the next append, or when `signal` aborts. */
  private nextAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = (): void => {
        this.wakeUps.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.wakeUps.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  private wakeSubscribers(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = new Set();
    for (const wake of wakeUps) wake();
  }

  /** Position p is at index p - 1, so the first event after p is at index p. */
  private indexAfter(after: bigint | undefined): number {
    return indexFor(after ?? 0n, this.log.length);
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The in-memory event store is closed');
  }
}

/** Walks the log by index and waits for the next append at the head; pulls, so never buffers. */
class InMemorySubscription extends ClosableSubscription {
  private scanned: bigint;
  private readonly matches: (event: StoredEvent) => boolean;

  constructor(
    private readonly log: LogSource,
    private readonly startIndex: number,
    filter: EventFilter | undefined,
    onClose: () => void,
  ) {
    super(onClose);
    this.scanned = BigInt(startIndex);
    this.matches = eventMatcher(filter);
  }

  /** Moves only at the head, where every event before the index has been handed out. */
  get scannedTo(): bigint {
    return this.scanned;
  }

  protected async *run(signal: AbortSignal): AsyncGenerator<RecordedEvent> {
    let index = this.startIndex;
    while (!signal.aborted) {
      const event = this.log.eventAt(index);
      if (!event) {
        // Position p is at index p - 1: everything up to position `index` is behind us.
        this.scanned = BigInt(index);
        await this.log.nextAppend(signal);
        continue;
      }
      index += 1;
      if (this.matches(event)) yield toRecorded(event);
    }
  }
}

/** Clamps a bigint offset to an array index; the Number() here never sees more than `length`. */
function indexFor(offset: bigint, length: number): number {
  if (offset <= 0n) return 0;
  return offset >= BigInt(length) ? length : Number(offset);
}

function limitOf(maxCount: number | undefined): number {
  return maxCount === undefined ? Number.POSITIVE_INFINITY : Math.max(0, maxCount);
}

function toRecorded(event: StoredEvent): RecordedEvent {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: JSON.parse(event.data) as unknown,
    metadata: JSON.parse(event.metadata) as EventMetadata,
    recordedAt: new Date(event.recordedAt),
    chainHash: event.chainHash,
  };
}
