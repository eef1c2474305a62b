import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  StreamNotFoundError,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import type { AllStreamResolvedEvent, Filter, ReadPosition } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import { satisfiesExpected } from '../expected-revision.js';
import { eventMatcher } from '../event-filter.js';
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
import type { EventToAppend, RecordedEvent } from '../recorded-event.js';
import { appendFailure, operationFailure } from './esdb-errors.mapper.js';
import { chained, fromResolvedEvent, isSystemEvent, type ChainTail } from './esdb-event.mapper.js';
import { DEFAULT_RESUBSCRIBE_POLICY, EsdbSubscription } from './esdb-subscription.js';
import { PerStreamQueue } from './per-stream-queue.js';
import type { ResubscribePolicy } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /** How a dropped subscription is re-established; defaults suit a server restart. */
  readonly resubscribe?: Partial<ResubscribePolicy>;
}

// Events per request when reading $all; our filters run here, so a page may yield fewer.
const READ_PAGE = 1_000;
/** An append without an exact expected revision that lost this many races to other processes gives up. */
const MAX_CHAIN_ATTEMPTS = 10;

/**
 * The event store on EventStoreDB, through `@eventstore/db-client` (the only place that
 * imports it). Our metadata is stored as JSON with `$correlationId`/`$causationId` added
 * for the server's correlation index. Positions are the commit position, kept as bigint;
 * the server's own events (`$`-prefixed streams and types) are never returned.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly policy: ResubscribePolicy;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly appends = new PerStreamQueue();
  private closed = false;

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.policy = { ...DEFAULT_RESUBSCRIBE_POLICY, ...options.resubscribe };
  }

  /**
   * The stream's last event is read first: the new events' chain hashes link to it, and the
   * append then expects exactly that revision. When the caller expected no particular
   * revision and another writer got in between, the chain is built again on the new tail.
   */
  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    this.ensureOpen();
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const expected = options?.expectedRevision ?? 'any';
    // Ids fixed once, so a retry proposes the same events (the server deduplicates by id).
    const withIds = events.map((event) => ({ ...event, id: event.id ?? randomUUID() }));
    return this.appends.run(stream, () => this.appendChained(stream, withIds, expected));
  }

  private async appendChained(
    stream: string,
    events: readonly (EventToAppend & { readonly id: string })[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const tail = await this.readTail(stream);
      if (!satisfiesExpected(expected, tail?.revision)) {
        throw new WrongExpectedRevisionError(stream, expected, tail?.revision);
      }
      try {
        const result = await this.client.appendToStream(stream, chained(stream, events, tail), {
          expectedRevision: tail?.revision ?? 'no_stream',
        });
        if (!result.position) throw new Error(`EventStoreDB reported no position for the append to ${stream}`);
        return { nextRevision: result.nextExpectedRevision, position: result.position.commit };
      } catch (error) {
        const failure = appendFailure(error, stream, expected);
        const anotherWriterFirst = failure instanceof WrongExpectedRevisionError && typeof expected !== 'bigint';
        if (!anotherWriterFirst || expected === 'no_stream' || attempt >= MAX_CHAIN_ATTEMPTS) throw failure;
      }
    }
  }

  /** The revision and chain hash of the stream's last event; undefined for a stream with none. */
  private async readTail(stream: string): Promise<ChainTail | undefined> {
    let last: RecordedEvent | undefined;
    try {
      // Consumed to its end (one event): leaving the read early would keep its call open.
      const read = this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      for await (const resolved of read) last ??= fromResolvedEvent(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw operationFailure(error, `read of ${stream}`);
    }
    return last && { revision: last.revision, chainHash: last.chainHash };
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const maxCount = options?.maxCount;
    if (maxCount !== undefined && maxCount <= 0) return [];
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        fromRevision: options?.fromRevision ?? START,
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw operationFailure(error, `read of ${stream}`);
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const limit = options?.maxCount ?? Number.POSITIVE_INFINITY;
    const matches = eventMatcher(options?.filter);
    const found: RecordedEvent[] = [];
    // The server reads $all from a position inclusively; ours is exclusive, so every page
    // asks for one more event and skips the one at exactly `after`.
    let after = options?.after;
    while (found.length < limit) {
      const slack = after === undefined ? 0 : 1;
      const wanted = options?.filter ? READ_PAGE : Math.min(READ_PAGE, limit - found.length);
      const pageSize = wanted + slack;
      const page = await this.readAllPage({
        fromPosition: after === undefined ? START : at(after),
        maxCount: pageSize,
      });
      for (const resolved of page) {
        const position = resolved.event?.position.commit;
        if (position === undefined || (after !== undefined && position <= after)) continue;
        after = position;
        const event = fromResolvedEvent(resolved);
        if (event && found.length < limit && matches(event)) found.push(event);
      }
      if (page.length < pageSize) break;
    }
    return found;
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    this.ensureOpen();
    const filter = serverFilter(options?.filter);
    // The server starts a subscription strictly after the position it is given: exactly our `after`.
    const open = (after: bigint | undefined) =>
      this.client.subscribeToAll({ fromPosition: after === undefined ? START : at(after), filter });
    const subscription = new EsdbSubscription(open, options?.after, options?.filter, this.policy, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async readHeadPosition(): Promise<bigint> {
    this.ensureOpen();
    // Read backwards from the end until an event of ours: the server appends its own
    // events ($stats, projection links) after ours, and those are not our head.
    for (let count = 1; ; count *= 64) {
      const page = await this.readAllPage({ direction: BACKWARDS, fromPosition: END, maxCount: count });
      const newest = page.find(({ event }) => event && !isSystemEvent(event.streamId, event.type));
      if (newest?.event) return newest.event.position.commit;
      if (page.length < count) return 0n;
    }
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    await this.readAllPage({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * One bounded read of $all, consumed to its end: leaving a read half-consumed would
   * keep its gRPC call open until the server finishes sending.
   */
  private async readAllPage(options: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction?: typeof BACKWARDS;
  }): Promise<AllStreamResolvedEvent[]> {
    const page: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll(options)) page.push(resolved);
    } catch (error) {
      throw operationFailure(error, 'read of $all');
    }
    return page;
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The EventStoreDB event store is closed');
  }
}

/** A position of ours on the wire: events have commit == prepare, so both halves are the same. */
function at(position: bigint): { commit: bigint; prepare: bigint } {
  return { commit: position, prepare: position };
}

/**
 * The server filters on stream name or on event type, not both: stream prefixes are the
 * narrower choice for our streams; the subscription applies the whole filter again. With
 * no filter the server still leaves out its own events.
 */
function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  if (filter?.eventTypes && filter.eventTypes.length > 0) {
    return eventTypeFilter({ prefixes: [...filter.eventTypes] });
  }
  return excludeSystemEvents();
}
