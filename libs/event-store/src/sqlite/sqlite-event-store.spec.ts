import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SubscriptionReader, anEvent, metadataFor, someEvents } from '../../test/contract.helpers.js';
import { describeEventStoreContract } from '../../test/event-store.contract.js';
import { describeGroupCommitContract } from '../../test/group-commit.contract.js';
import type { RecordedEvent } from '../recorded-event.js';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';

const folders: string[] = [];
const stores: SqliteEventStore[] = [];

/** A file in a fresh temp folder, under a sub-folder that does not exist yet. */
function freshFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ltc-sqlite-store-'));
  folders.push(folder);
  return join(folder, 'data', 'events.sqlite');
}

function openStore(options: Partial<SqliteEventStoreOptions> & { filename: string }): SqliteEventStore {
  const store = new SqliteEventStore({ pollIntervalMs: 20, ...options });
  stores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describeEventStoreContract('SqliteEventStore', async () => {
  const store = openStore({ filename: freshFile() });
  return { store, dispose: () => store.close() };
});

describeGroupCommitContract('SqliteEventStore', async () => openStore({ filename: freshFile() }));

function positionsOf(count: number): bigint[] {
  return Array.from({ length: count }, (_, index) => BigInt(index + 1));
}

describe('SqliteEventStore', () => {
  it('gives 100 concurrent appends to different streams the gap-free positions 1..100', async () => {
    const store = openStore({ filename: freshFile() });
    await Promise.all(Array.from({ length: 100 }, (_, index) => store.appendToStream(`lead-${index}`, someEvents(1))));
    expect((await store.readAll()).map((e) => e.position)).toEqual(positionsOf(100));
  });

  it('writes at most maxBatchSize requests per transaction', async () => {
    const store = openStore({ filename: freshFile(), maxBatchSize: 4 });
    await Promise.all(Array.from({ length: 16 }, (_, index) => store.appendToStream(`lead-${index}`, someEvents(1))));
    expect(store.committedTransactions).toBeGreaterThanOrEqual(4);
    expect((await store.readAll()).map((e) => e.position)).toEqual(positionsOf(16));
  });

  it('keeps data across close and reopen', async () => {
    const filename = freshFile();
    const first = openStore({ filename });
    await first.appendToStream('lead-1', someEvents(3));
    const written = await first.readAll();
    await first.close();

    const reopened = openStore({ filename });
    expect(await reopened.readAll()).toEqual(written);
    const next = await reopened.appendToStream('lead-1', someEvents(1), { expectedRevision: 2n });
    expect(next).toEqual({ nextRevision: 3n, position: 4n });
  });

  it('keeps positions beyond 2^53 exact', async () => {
    const filename = freshFile();
    openStore({ filename }); // creates the schema
    const huge = 2n ** 53n + 1n; // the first integer a double cannot hold
    const raw = new Database(filename);
    raw
      .prepare(
        'INSERT INTO events (position, stream, revision, id, type, data, other_metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(huge, 'lead-big', 0, 'e-1', 'Ticked', '{}', JSON.stringify(metadataFor()), Date.now());
    raw.close();

    const store = openStore({ filename });
    expect(await store.readHeadPosition()).toBe(huge);
    const result = await store.appendToStream('lead-big', someEvents(1), { expectedRevision: 0n });
    expect(result.position).toBe(huge + 1n);
    expect((await store.readAll({ after: huge })).map((e) => e.position)).toEqual([huge + 1n]);
  });

  it('pages through a long catch-up, then goes live', async () => {
    const store = openStore({ filename: freshFile() });
    for (let batch = 0; batch < 3; batch += 1) await store.appendToStream(`lead-${batch}`, someEvents(400));
    const reader = new SubscriptionReader(store.subscribeToAll());
    const stored = await reader.take(1200);
    expect(stored.map((e) => e.position)).toEqual(positionsOf(1200));
    await store.appendToStream('lead-live', someEvents(1));
    expect((await reader.next())?.position).toBe(1201n);
    await reader.close();
  });

  it('shares one file between two instances (API and worker) without conflicts or gaps', async () => {
    const filename = freshFile();
    const api = openStore({ filename });
    const worker = openStore({ filename });
    const reader = new SubscriptionReader(worker.subscribeToAll({ filter: { streamPrefixes: ['lead-'] } }));

    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        (index % 2 === 0 ? api : worker).appendToStream(`lead-${index}`, someEvents(1)),
      ),
    );
    expect((await api.readAll()).map((e) => e.position)).toEqual(positionsOf(100));
    // The worker's subscriber sees the API's appends through the poll of the shared file.
    expect((await reader.take(100)).map((e) => e.position)).toEqual(positionsOf(100));
    await api.appendToStream('lead-late', [anEvent('Ticked')]);
    expect((await reader.next(2_000))?.stream).toBe('lead-late');
    await reader.close();
  });

  it('serves subscribers at the head from the shared recent events and one far behind from the file, each exactly once in order', async () => {
    // A window of 5 events: the paused subscriber falls out of it and must read the file.
    const store = openStore({ filename: freshFile(), recentEventsKept: 5 });
    const all = new SubscriptionReader(store.subscribeToAll());
    const leads = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: ['lead-'] } }));
    const paused = new SubscriptionReader(store.subscribeToAll({ filter: { eventTypes: ['Ticked'] } }));
    const seenAll: RecordedEvent[] = [];
    const seenLeads: RecordedEvent[] = [];
    for (let round = 0; round < 10; round += 1) {
      await store.appendToStream(`lead-${round}`, someEvents(3));
      await store.appendToStream(`ticket-${round}`, someEvents(2, 'Other'));
      seenAll.push(...(await all.take(5)));
      seenLeads.push(...(await leads.take(3)));
    }
    expect(seenAll.map((e) => e.position)).toEqual(positionsOf(50));
    expect(seenLeads.map((e) => e.position)).toEqual(positionsOf(50).filter((position) => (position - 1n) % 5n < 3n));
    // The paused one starts reading only now, 45 events behind the window's start.
    const ticked = await paused.take(30);
    expect(ticked.map((e) => e.position)).toEqual(positionsOf(50).filter((position) => (position - 1n) % 5n < 3n));
    // ...and joins the live ones at the head.
    await store.appendToStream('lead-live', someEvents(1));
    expect((await paused.next())?.position).toBe(51n);
    expect((await all.next())?.position).toBe(51n);
    await Promise.all([all.close(), leads.close(), paused.close()]);
  });

  it('delivers to a subscriber whose checkpoint lies past what this instance has read, from appends of another', async () => {
    const filename = freshFile();
    const worker = openStore({ filename });
    const api = openStore({ filename });
    await api.appendToStream('lead-a', someEvents(3));
    // The worker opened at position 0; a checkpoint at 2 is past everything it has read.
    const reader = new SubscriptionReader(worker.subscribeToAll({ after: 2n }));
    expect((await reader.next(2_000))?.position).toBe(3n);
    await api.appendToStream('lead-b', someEvents(1));
    expect((await reader.next(2_000))?.position).toBe(4n);
    await reader.close();
  });

  it('waits for a writer in another thread that holds the write lock instead of failing busy', async () => {
    const filename = freshFile();
    const store = openStore({ filename });
    const reader = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: ['peer-'] } }));
    const peer = startPeerWriter(filename, 'peer-1', 30, 5);
    await peer.started;

    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) => store.appendToStream(`lead-${index}`, someEvents(1))),
    );
    await peer.finished;

    expect(results).toHaveLength(60);
    expect((await store.readAll()).map((e) => e.position)).toEqual(positionsOf(90));
    expect((await reader.take(30)).map((e) => e.revision)).toEqual(positionsOf(30).map((p) => p - 1n));
    await reader.close();
  });
});

/**
 * Another writer on the same file in a worker thread (a stand-in for a second process):
 * it holds the write lock for `holdMs` in each of `count` transactions.
 */
function startPeerWriter(
  filename: string,
  stream: string,
  count: number,
  holdMs: number,
): { started: Promise<void>; finished: Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.filename, { timeout: 10000 });
    const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, other_metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let revision = 0; revision < workerData.count; revision += 1) {
      db.transaction(() => {
        insert.run(workerData.stream, revision, 'peer-' + revision, 'Ticked', '{}', workerData.metadata, Date.now());
        Atomics.wait(pause, 0, 0, workerData.holdMs);
      }).immediate();
      if (revision === 0) parentPort.postMessage('started');
    }
    db.close();
    `,
    {
      eval: true,
      workerData: { driver, filename, stream, count, holdMs, metadata: JSON.stringify(metadataFor()) },
    },
  );
  const started = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`peer writer exited with ${code}`))));
  });
  return { started, finished };
}
