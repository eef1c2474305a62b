import type { EventToAppend, RecordedEvent } from './recorded-event.js';

/**
 * What the appender expects the stream to look like:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet (creation);
 * - `stream_exists`: the stream must have at least one event;
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event written (the stream's new current revision). */
  readonly nextRevision: bigint;
  /** Global position of the last event written. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive); default 0. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

/** Narrows a read or subscription to some event types and/or stream name prefixes. */
export interface EventFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Return events strictly after this global position; omitted = from the beginning. */
  readonly after?: bigint;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint); omitted = from the beginning. */
  readonly after?: bigint;
  readonly filter?: EventFilter;
}

/**
 * A catch-up subscription: first every stored event after the start position, then
 * live events as they are appended, in global order, without gaps or repeats.
 * Iterating ends when `close()` is called; a failure of the underlying store is thrown
 * from the iterator.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  /**
   * Every event up to this position that passes the filter has been yielded; the others
   * up to it were passed over. Undefined where the adapter cannot tell. A filtered
   * consumer that has handled everything it was given may move its checkpoint here, so
   * that its lag and its next start do not scan the passed-over events again.
   */
  readonly scannedTo?: bigint | undefined;
  close(): Promise<void>;
}

/**
 * The event-store port. Every adapter (embedded SQLite, PostgreSQL, EventStoreDB, in-memory)
 * passes the same contract suite (`libs/event-store/test/event-store.contract.ts`).
 */
export interface EventStore {
  /**
   * Appends one or more events atomically (an empty list is refused with a RangeError).
   * Without `expectedRevision` the append is unconditional (`any`). Throws
   * `WrongExpectedRevisionError` when the stream is not as expected; then nothing is written.
   */
  appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Reads a stream forwards. An unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Reads the global log forwards in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  /** Global position of the newest event (0n when the log is empty); projections report lag with it. */
  readHeadPosition(): Promise<bigint>;

  /** Cheap liveness check for `/health`. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/**
 * A store that changes events on their way in and out (the personal-data layer seals and
 * opens personal fields); `stored` is the one underneath, holding the bytes as written.
 */
export interface LayeredEventStore extends EventStore {
  readonly stored: EventStore;
}

/** The store that holds the bytes as written, under any layers: what the hash chain covers. */
export function storedLayer(store: EventStore): EventStore {
  let current = store;
  while ('stored' in current) current = (current as LayeredEventStore).stored;
  return current;
}

/** Injection token for the configured EventStore adapter. */
export const EVENT_STORE = Symbol('EventStore');
