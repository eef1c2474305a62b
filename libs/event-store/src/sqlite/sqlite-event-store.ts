import type Database from 'better-sqlite3';
import { faultPoint } from '#ltc/kernel';
import { chainLink } from '../chain/event-chain.js';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
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
import type { EventToAppend, RecordedEvent } from '../recorded-event.js';
import {
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startBackgroundCheckpoints,
  type BackgroundCheckpoints,
} from './background-checkpoints.js';
import { GroupCommitQueue, type Outcome } from '../group-commit.queue.js';
import { HeadSignal } from '../head-signal.js';
import type { LogPage } from '../paged-subscription.js';
import { PolledSubscriptions } from '../polled-subscriptions.js';
import { RecentLog, type EventMatcher } from './recent-log.js';
import { openEventStoreDatabase } from './sqlite-connection.js';
import { appendRequest, type AppendRequest } from './event-row.js';
import { SqliteEventQueries } from './sqlite-event-queries.js';

export interface SqliteEventStoreOptions {
  /** Path of the database file; its folder is created when missing. */
  readonly filename: string;
  /**
   * - `full` (default): every commit is fsynced; an acknowledged append survives a crash
   *   of the process, the OS or the power.
   * - `normal`: survives a process crash, but may lose the last transactions on power
   *   loss (the WAL is fsynced only at checkpoints); faster, above all for appends that
   *   group commit cannot batch.
   */
  readonly durability?: 'full' | 'normal';
  /** How often subscriptions look for appends made by other processes; default 200 ms. */
  readonly pollIntervalMs?: number;
  /** Most append requests written in one transaction; default 64. */
  readonly maxBatchSize?: number;
  /**
   * How many of the newest events this process keeps, parsed, for the subscriptions that
   * have caught up with them (see `RecentLog`); default 10,000. A subscriber further
   * behind reads the file until it reaches them.
   */
  readonly recentEventsKept?: number;
}

type WriteBatch = (batch: readonly AppendRequest[], recordedAt: number) => Outcome<AppendResult>[];

const CATCH_UP_PAGE_SIZE = 500;
/** Most events one read brings into the shared window of recent events. */
const RECENT_READ_SIZE = 2_000;

/**
 * The embedded default event store: one SQLite file in WAL mode, usable by several
 * processes at once (API and worker), which queue for SQLite's single write lock.
 *
 * Appends are group-committed: the requests that arrive in one event-loop turn are
 * written in one transaction (one fsync), each checked against its own expected
 * revision in arrival order, so one conflicting request fails alone. Subscribers in
 * this process are woken right after each commit; appends by other processes reach
 * them through a poll of the head every `pollIntervalMs` while any subscription is open.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly queries: SqliteEventQueries;
  private readonly queue: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly head: HeadSignal;
  private readonly recent: RecentLog;
  private readonly writeBatch: Database.Transaction<WriteBatch>;
  private readonly subscriptions: PolledSubscriptions;
  private readonly checkpoints: BackgroundCheckpoints | undefined;
  private transactions = 0;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    // Created first: it validates maxBatchSize before a file is opened.
    this.queue = new GroupCommitQueue((batch) => this.commit(batch), options.maxBatchSize ?? 64);
    this.db = openEventStoreDatabase(options.filename, options.durability ?? 'full');
    if (options.filename !== ':memory:') {
      this.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
      this.checkpoints = startBackgroundCheckpoints(options.filename);
    }
    this.queries = new SqliteEventQueries(this.db);
    const head = this.queries.headPosition();
    this.head = new HeadSignal(head);
    this.subscriptions = new PolledSubscriptions(this.head, options.pollIntervalMs ?? 200, () => this.poll());
    this.recent = new RecentLog(head, options.recentEventsKept ?? 10_000);
    this.writeBatch = this.db.transaction((batch: readonly AppendRequest[], recordedAt: number) =>
      batch.map((request) => this.write(request, recordedAt)),
    );
  }

  /** Write transactions committed through this instance: group commit at work, for tests and metrics. */
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
    this.guard(() => this.queries.headPosition());
  }

  /** Ends every subscription, answers the appends already accepted, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.queue.whenIdle();
    await this.checkpoints?.stop();
    this.db.close();
  }

  private commit(batch: readonly AppendRequest[]): Outcome<AppendResult>[] {
    let outcomes: Outcome<AppendResult>[];
    try {
      // IMMEDIATE takes the write lock up front: a deferred transaction that read first could
      // find another process's commit in between and fail with SQLITE_BUSY_SNAPSHOT.
      outcomes = this.writeBatch.immediate(batch, Date.now());
    } catch (error) {
      throw new EventStoreUnavailableError('Appending to the SQLite event store failed', { cause: error });
    }
    this.transactions += 1;
    for (const outcome of outcomes) if (outcome.ok) this.head.advance(outcome.value.position);
    return outcomes;
  }

  /**
   * One request inside the batch transaction. The expected revision is checked before the
   * request writes anything, and the check sees the batch's earlier writes, so a refused
   * request needs no savepoint and leaves the others of the batch intact.
   */
  private write(request: AppendRequest, recordedAt: number): Outcome<AppendResult> {
    const tail = this.queries.streamTail(request.stream);
    const actual = tail?.revision;
    if (!satisfiesExpected(request.expected, actual)) {
      return { ok: false, error: new WrongExpectedRevisionError(request.stream, request.expected, actual) };
    }
    let revision = actual ?? -1n;
    let previous = tail?.chainHash;
    let position = 0n;
    for (const event of request.events) {
      revision += 1n;
      previous = chainLink(previous, request.stream, revision, event.digest);
      position = this.queries.insert(request.stream, revision, recordedAt, event, previous);
    }
    faultPoint('event-store.mid-group-commit');
    return { ok: true, value: { nextRevision: revision, position } };
  }

  /**
   * A subscription's page: from the shared window of recent events when the subscriber
   * has reached it (brought up to the known head first, by one read for everyone), else
   * from the file.
   */
  private readPage(after: bigint, filter: EventFilter | undefined, matches: EventMatcher): LogPage {
    return this.guard(() => {
      if (!this.recent.startsAfter(after)) {
        if (this.head.position > this.recent.to || after > this.recent.to) this.extendRecent();
        if (this.recent.covers(after)) {
          return this.recent.page(after, matches, CATCH_UP_PAGE_SIZE, this.head.position > this.recent.to);
        }
      }
      return this.readPageFromFile(after, filter);
    });
  }

  /** Brings the window up to what is committed (at most `RECENT_READ_SIZE` events per read). */
  private extendRecent(): void {
    this.recent.extend((after) => this.queries.readLog(after, undefined, undefined, RECENT_READ_SIZE));
    this.head.advance(this.recent.to);
  }

  /**
   * A page read from the file, bounded by the head read first: every position up to that
   * head is committed (the single writer commits in position order), so `scannedTo` never
   * passes a position that a transaction still in flight could fill.
   */
  private readPageFromFile(after: bigint, filter: EventFilter | undefined): LogPage {
    const head = this.queries.headPosition();
    this.head.advance(head);
    if (head <= after) return { events: [], scannedTo: after, full: false };
    const events = this.queries.readLog(after, head, filter, CATCH_UP_PAGE_SIZE);
    const last = events[events.length - 1];
    const full = events.length === CATCH_UP_PAGE_SIZE && last !== undefined;
    return { events, scannedTo: full ? last.position : head, full };
  }

  private poll(): void {
    try {
      this.head.advance(this.queries.headPosition());
    } catch {
      // Let the subscriptions read again: their read meets the same failure and throws it to the consumer.
      this.head.wakeAll();
    }
  }

  private guard<T>(read: () => T): T {
    this.ensureOpen();
    try {
      return read();
    } catch (error) {
      throw new EventStoreUnavailableError('Reading the SQLite event store failed', { cause: error });
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The SQLite event store is closed');
  }
}
