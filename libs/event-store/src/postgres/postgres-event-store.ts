import pg from 'pg';
import { EventStoreUnavailableError } from '../errors.js';
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
import { GroupCommitQueue, type Outcome } from '../group-commit.queue.js';
import { HeadSignal } from '../head-signal.js';
import type { LogPage } from '../paged-subscription.js';
import { PolledSubscriptions } from '../polled-subscriptions.js';
import type { EventToAppend, RecordedEvent } from '../recorded-event.js';
import { appendRequest, type AppendRequest } from '../sqlite/event-row.js';
import { eventMatcher } from '../event-filter.js';
import type { EventMatcher } from '../sqlite/recent-log.js';
import { HeadListener } from './head-listener.js';
import { RecentWindow } from './recent-window.js';
import { PostgresBatchWriter } from './postgres-batch-writer.js';
import { PostgresEventQueries, exactBigints } from './postgres-event-queries.js';
import { postgresLocation } from './postgres-location.js';
import { preparePostgresSchema } from './postgres-schema.js';

export interface PostgresEventStoreOptions {
  /** `postgres://…` or `postgresql://…`; `?schema=name` picks the schema (default `ltc_events`). */
  readonly url: string;
  /** Connections for reads and the one write transaction in flight; default 10. */
  readonly poolSize?: number;
  /** How often subscriptions look at the head when no notification came; default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /** Most append requests written in one transaction; default 64. */
  readonly maxBatchSize?: number;
  /** Newest events kept, parsed, for the subscriptions that have caught up (`RecentWindow`); default 10,000. */
  readonly recentEventsKept?: number;
}

const CATCH_UP_PAGE_SIZE = 500;
/** Most events one read brings into the shared window of recent events. */
const RECENT_READ_SIZE = 2_000;

/**
 * The event store on PostgreSQL, for installations that already run one: several processes
 * (API, workers, more API replicas) share the log in one schema.
 *
 * Appends are group-committed as on the embedded store: the requests of one event-loop turn
 * go into one transaction, at most one transaction per instance at a time, each request
 * checked against its own expected revision. Positions are gap-free and given in commit
 * order (see `PostgresBatchWriter` and ADR 0032), so catch-up is the embedded store's
 * paged loop resumed by position. Subscribers are woken by this instance's commits at once,
 * by other processes' through LISTEN/NOTIFY, and by a poll of the head should a
 * notification be lost.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly schema: string;
  private readonly queries: PostgresEventQueries;
  private readonly writer: PostgresBatchWriter;
  private readonly queue: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly head = new HeadSignal(0n);
  private readonly listener: HeadListener;
  private readonly recent: RecentWindow;
  private readonly subscriptions: PolledSubscriptions;
  private ready: Promise<void> | undefined;
  private transactions = 0;
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    this.queue = new GroupCommitQueue((batch) => this.commit(batch), options.maxBatchSize ?? 64);
    const location = postgresLocation(options.url);
    this.schema = location.schema;
    this.pool = new pg.Pool({
      connectionString: location.connectionString,
      max: options.poolSize ?? 10,
      types: exactBigints,
    });
    // A connection dropped while idle emits 'error' on the pool; the next query reports it.
    this.pool.on('error', () => undefined);
    this.queries = new PostgresEventQueries(this.pool, this.schema);
    const channel = `ltc_events_${this.schema}`;
    this.writer = new PostgresBatchWriter(this.schema, channel);
    this.listener = new HeadListener(location.connectionString, channel, this.head);
    this.recent = new RecentWindow(
      this.head,
      options.recentEventsKept ?? 10_000,
      () => this.queries.headPosition(),
      (after) => this.queries.readLog(after, undefined, undefined, RECENT_READ_SIZE),
    );
    this.subscriptions = new PolledSubscriptions(
      this.head,
      options.pollIntervalMs ?? 1_000,
      () => void this.poll(),
      (listening) => (listening ? this.listener.ensureListening() : void this.listener.stop()),
    );
  }

  /** Write transactions committed through this instance: group commit at work, for tests. */
  get committedTransactions(): number {
    return this.transactions;
  }

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    this.ensureOpen();
    return this.queue.submit(appendRequest(stream, events, options));
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.guard(() => this.queries.readStream(stream, options?.fromRevision ?? 0n, options?.maxCount));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.guard(() => this.queries.readLog(options?.after ?? 0n, undefined, options?.filter, options?.maxCount));
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    this.ensureOpen();
    const filter = options?.filter;
    const matches = eventMatcher(filter);
    return this.subscriptions.subscribe((after) => this.readPage(after, filter, matches), options?.after ?? 0n);
  }

  async readHeadPosition(): Promise<bigint> {
    return this.guard(() => this.queries.headPosition());
  }

  async ping(): Promise<void> {
    await this.guard(() => this.queries.headPosition());
  }

  /** Ends every subscription, answers the appends already accepted, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.queue.whenIdle();
    await this.listener.stop();
    await this.pool.end();
  }

  private async commit(batch: readonly AppendRequest[]): Promise<Outcome<AppendResult>[]> {
    let outcomes: Outcome<AppendResult>[];
    try {
      await this.prepared();
      const client = await this.pool.connect();
      try {
        outcomes = await this.writer.write(client, batch, Date.now());
      } finally {
        client.release();
      }
    } catch (error) {
      throw new EventStoreUnavailableError('Appending to the PostgreSQL event store failed', { cause: error });
    }
    this.transactions += 1;
    for (const outcome of outcomes) if (outcome.ok) this.head.advance(outcome.value.position);
    return outcomes;
  }

  /** A subscription's page: from the shared window of recent events once it has reached it, else from the server. */
  private readPage(after: bigint, filter: EventFilter | undefined, matches: EventMatcher): Promise<LogPage> {
    return this.guard(
      async () =>
        (await this.recent.page(after, matches, CATCH_UP_PAGE_SIZE)) ?? this.readPageFromServer(after, filter),
    );
  }

  /**
   * A page read from the server, bounded by the head read first: every position up to a head that
   * a statement saw is committed (ADR 0032), so `scannedTo` never passes a position that a
   * transaction still in flight could fill.
   */
  private async readPageFromServer(after: bigint, filter: EventFilter | undefined): Promise<LogPage> {
    const head = await this.queries.headPosition();
    this.head.advance(head);
    if (head <= after) return { events: [], scannedTo: after, full: false };
    const events = await this.queries.readLog(after, head, filter, CATCH_UP_PAGE_SIZE);
    const last = events[events.length - 1];
    const full = events.length === CATCH_UP_PAGE_SIZE && last !== undefined;
    return { events, scannedTo: full ? last.position : head, full };
  }

  private async poll(): Promise<void> {
    this.listener.ensureListening();
    try {
      this.head.advance(await this.queries.headPosition());
    } catch {
      // Let the subscriptions read again: their read meets the same failure and throws it to the consumer.
      this.head.wakeAll();
    }
  }

  /** The schema, created on first use (and tried again after a failure). */
  private prepared(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await preparePostgresSchema(client, this.schema);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async guard<T>(read: () => Promise<T>): Promise<T> {
    this.ensureOpen();
    try {
      await this.prepared();
      return await read();
    } catch (error) {
      throw new EventStoreUnavailableError('Reading the PostgreSQL event store failed', { cause: error });
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The PostgreSQL event store is closed');
  }
}
