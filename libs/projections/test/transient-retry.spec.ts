import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { EventStoreUnavailableError, type EventStore, type EventSubscription } from '#ltc/event-store';
import {
  ProjectionRunner,
  openReadModelDb,
  type ProcessManager,
  type ReadModelHandle,
  type SubscriberStatus,
} from '#ltc/projections';
import { eventually, openStore, tempDir, writeEvents } from './fixtures.js';
import { Cleanup } from './suite-support.js';
import { EventLogProjection } from './test-projections.js';

const FAST_BACKOFF = { initialDelayMs: 20, maxDelayMs: 200 };

describe('subscribers that hit a transient failure', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  async function setup(): Promise<{ store: ReturnType<typeof openStore>; readModel: ReadModelHandle; file: string }> {
    const dir = tempDir('transient');
    const store = openStore(dir.path);
    const file = join(dir.path, 'read-models.sqlite');
    // A short busy timeout: the lock below turns into SQLITE_BUSY quickly instead of after 5 s.
    const readModel = await openReadModelDb({ sqliteFilename: file, busyTimeoutMs: 30 });
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    cleanup.add(() => readModel.close());
    return { store, readModel, file };
  }

  /** Another connection (another process, as far as SQLite can tell) holding the file's write lock. */
  function lockWrites(file: string): { release(): void } {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      other.exec('ROLLBACK');
      other.close();
    };
    cleanup.add(release);
    return { release };
  }

  async function statusOf(runner: ProjectionRunner, name: string): Promise<SubscriberStatus> {
    const status = (await runner.status()).find((s) => s.name === name);
    if (!status) throw new Error(`no status for ${name}`);
    return status;
  }

  async function rows(readModel: ReadModelHandle, table: string): Promise<number> {
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(readModel.db);
    return Number(result.rows[0]?.n);
  }

  it('a projection whose read-model file is locked by another connection retries with backoff, then catches up exactly', async () => {
    const { store, readModel, file } = await setup();
    const projection = new EventLogProjection();
    const runner = new ProjectionRunner({ store, db: readModel.db, projections: [projection], backoff: FAST_BACKOFF });
    cleanup.add(() => runner.stop());
    await runner.start();
    await runner.waitFor('event_log', await writeEvents(store, 5));

    const lock = lockWrites(file);
    const head = await writeEvents(store, 20, 3, 'later');
    await eventually(async () => (await statusOf(runner, 'event_log')).state === 'retrying', 5000, 'retrying');
    const retrying = await statusOf(runner, 'event_log');
    expect(retrying.lastError).toMatch(/database is locked/);
    expect(retrying.nextAttemptAt).toBeInstanceOf(Date);
    expect(retrying.position).toBeLessThan(head);
    // Still retrying after several backoff rounds: it does not give up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await statusOf(runner, 'event_log')).state).toBe('retrying');

    lock.release();
    await runner.waitFor('event_log', head, 5000);
    expect(await statusOf(runner, 'event_log')).toMatchObject({
      state: 'live',
      position: head,
      lag: 0n,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(await rows(readModel, 'event_log')).toBe(25);
  });

  it('a process manager whose writes hit the locked file retries without limit and handles each event once', async () => {
    const { store, readModel, file } = await setup();
    await sql`create table handled (event_id text primary key)`.execute(readModel.db);
    const manager: ProcessManager = {
      name: 'recorder',
      filter: { streamPrefixes: ['order-'] },
      async handle(event) {
        // Inserted, not upserted: a second handling of one event would fail on the key.
        await sql`insert into handled (event_id) values (${event.id})`.execute(readModel.db);
      },
    };
    const runner = new ProjectionRunner({
      store,
      db: readModel.db,
      processManagers: [manager],
      backoff: FAST_BACKOFF,
      // Far fewer handler attempts than the lock lasts: transient failures must not count.
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    cleanup.add(() => runner.stop());
    await runner.start();

    const lock = lockWrites(file);
    const head = await writeEvents(store, 12);
    await eventually(async () => (await statusOf(runner, 'recorder')).state === 'retrying', 5000, 'retrying');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await statusOf(runner, 'recorder')).state).toBe('retrying');
    lock.release();

    await runner.waitFor('recorder', head, 5000);
    expect(await statusOf(runner, 'recorder')).toMatchObject({ position: head, lastError: null });
    expect(await rows(readModel, 'handled')).toBe(12);
  });

  it('an event store that stays unreachable past its own resubscribe budget is waited out, not fatal', async () => {
    const { store, readModel } = await setup();
    let outages = 3;
    const flaky: EventStore = withOutages(store, () => outages-- > 0);
    const runner = new ProjectionRunner({
      store: flaky,
      db: readModel.db,
      projections: [new EventLogProjection()],
      backoff: FAST_BACKOFF,
    });
    cleanup.add(() => runner.stop());
    const head = await writeEvents(store, 30);
    await runner.start();
    await runner.waitFor('event_log', head, 5000);
    expect(outages).toBeLessThan(0);
    expect(await statusOf(runner, 'event_log')).toMatchObject({ state: 'live', lastError: null });
    expect(await rows(readModel, 'event_log')).toBe(30);
  });

  it('a handler bug still stops the subscriber as failed (no endless retry of the same mistake)', async () => {
    const { store, readModel } = await setup();
    const projection = new EventLogProjection({
      name: 'buggy',
      hook: (_event, applied) => {
        if (applied === 3) throw new TypeError("Cannot read properties of undefined (reading 'email')");
      },
    });
    const runner = new ProjectionRunner({ store, db: readModel.db, projections: [projection], backoff: FAST_BACKOFF });
    cleanup.add(() => runner.stop());
    await runner.start();
    await writeEvents(store, 5);
    await eventually(async () => (await statusOf(runner, 'buggy')).state === 'failed', 5000, 'failed');
    const status = await statusOf(runner, 'buggy');
    expect(status.lastError).toMatch(/reading 'email'/);
    expect(status.nextAttemptAt).toBeNull();
    expect(projection.applied).toBe(3);
  });
});

/** The real store, except that a subscription fails at once while `down()` says the store is down. */
function withOutages(store: EventStore, down: () => boolean): EventStore {
  return {
    appendToStream: (stream, events, options) => store.appendToStream(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    readHeadPosition: () => store.readHeadPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
    subscribeToAll(options): EventSubscription {
      if (!down()) return store.subscribeToAll(options);
      return {
        close: async () => undefined,
        // eslint-disable-next-line require-yield
        async *[Symbol.asyncIterator]() {
          throw new EventStoreUnavailableError(
            'EventStoreDB subscription to $all failed: 14 UNAVAILABLE: leader election',
          );
        },
      };
    },
  };
}
