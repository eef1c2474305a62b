import { sql } from 'kysely';
import { ProjectionRunner, type ReadModelHandle } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import {
  eventually,
  metadata,
  openStore,
  postgresTarget,
  sqliteTarget,
  tempDir,
  writeConcurrently,
  writeEvents,
  type ReadModelTarget,
} from './fixtures.js';
import { Cleanup, withFailingSubscriptions } from './suite-support.js';
import {
  EventLogProjection,
  LatestTypeProjection,
  StreamCountsProjection,
  gate,
  readRows,
} from './test-projections.js';

function runnerSuite(makeTarget: () => ReadModelTarget): void {
  // Created when the suite is collected: a temp folder (SQLite) or nothing yet (PostgreSQL).
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function setup(): Promise<{ store: ReturnType<typeof openStore>; readModel: ReadModelHandle }> {
    const dir = tempDir('runner');
    const store = openStore(dir.path);
    const readModel = await (await target.create()).open();
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    cleanup.add(() => readModel.close());
    return { store, readModel };
  }

  function runner(options: ConstructorParameters<typeof ProjectionRunner>[0]): ProjectionRunner {
    const created = new ProjectionRunner(options);
    cleanup.add(() => created.stop());
    return created;
  }

  async function count(readModel: ReadModelHandle, table: string): Promise<number> {
    const result = await sql<{ n: number | bigint }>`select count(*) as n from ${sql.table(table)}`.execute(
      readModel.db,
    );
    return Number(result.rows[0]?.n ?? -1);
  }

  async function checkpointRow(
    readModel: ReadModelHandle,
    name: string,
  ): Promise<{ position: string | null } | undefined> {
    const rows = await readRows(readModel.db, 'projection_checkpoints', 'name');
    return rows.find((row) => row.name === name) as { position: string | null } | undefined;
  }

  it('catches up from history in batches, then follows live appends exactly once', async () => {
    const { store, readModel } = await setup();
    await writeEvents(store, 800);
    const r = runner({
      store,
      db: readModel.db,
      projections: [new EventLogProjection(), new StreamCountsProjection(), new LatestTypeProjection()],
    });
    await r.start();
    const head = await writeConcurrently(store, { writers: 4, appendsPerWriter: 25 });
    for (const name of ['event_log', 'stream_counts', 'latest_type']) await r.waitFor(name, head);

    const all = await store.readAll();
    expect(await count(readModel, 'event_log')).toBe(all.length);
    const counts = await readRows(readModel.db, 'stream_counts', 'stream');
    const expected = new Map<string, number>();
    for (const event of all) expected.set(event.stream, (expected.get(event.stream) ?? 0) + 1);
    expect(counts).toEqual(
      [...expected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([stream, events]) => ({
          stream,
          events,
          last_revision: String(events - 1),
        })),
    );
    expect(await count(readModel, 'latest_type')).toBe(expected.size);

    const status = await r.status();
    expect(status.map((s) => [s.name, s.state, s.position, s.lag])).toEqual([
      ['event_log', 'live', head, 0n],
      ['stream_counts', 'live', head, 0n],
      ['latest_type', 'live', head, 0n],
    ]);
  });

  it('moves a filtered projection past the events its filter passes over, in its batch and when idle', async () => {
    const { store, readModel } = await setup();
    await writeEvents(store, 40);
    const head = await writeEvents(store, 5, 1, 'other');
    const removals = new EventLogProjection({ name: 'removals', filter: { eventTypes: ['ItemRemoved'] } });
    const lastRemoval = (await store.readAll({ filter: removals.filter })).at(-1)?.position ?? 0n;
    expect(lastRemoval).toBeLessThan(head);
    const r = runner({ store, db: readModel.db, projections: [removals] });
    await r.start();
    await r.waitFor('removals', head);
    expect(await count(readModel, 'removals')).toBe((await store.readAll({ filter: removals.filter })).length);
    // The checkpoint stands on the head, not on the last removal: nothing before it is scanned again.
    expect((await r.status())[0]).toMatchObject({ position: head, lag: 0n });
    expect((await checkpointRow(readModel, 'removals'))?.position).toBe(head.toString());

    // Only events it does not want arrive: once idle, it passes over them too.
    const later = await writeEvents(store, 3, 1, 'other-later');
    const deadline = Date.now() + 5_000;
    while ((await checkpointRow(readModel, 'removals'))?.position !== later.toString() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await checkpointRow(readModel, 'removals'))?.position).toBe(later.toString());
    expect((await r.status())[0]).toMatchObject({ position: later, lag: 0n });
  });

  it('rebuilds from the beginning when the code version changes', async () => {
    const { store, readModel } = await setup();
    const head = await writeEvents(store, 60);
    const v1 = runner({ store, db: readModel.db, projections: [new EventLogProjection({ version: 1 })] });
    await v1.start();
    await v1.waitFor('event_log', head);
    await v1.stop();

    const v2 = runner({ store, db: readModel.db, projections: [new EventLogProjection({ version: 2 })] });
    await v2.start();
    await v2.waitFor('event_log', head);
    const rows = await readRows(readModel.db, 'event_log', 'position');
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((row) => row.written_by))).toEqual(new Set([2]));
    const checkpoint = await readRows(readModel.db, 'projection_checkpoints', 'name');
    expect(checkpoint).toMatchObject([{ name: 'event_log', version: 2, position: head.toString(), state: 'running' }]);
  });

  it('stops only the failing projection and reports the error with the event', async () => {
    const { store, readModel } = await setup();
    await writeEvents(store, 30);
    const poison = await store.appendToStream('order-x', [
      { id: 'poison-1', type: 'Poison', data: {}, metadata: metadata() },
    ]);
    const head = await writeEvents(store, 30);
    let poisoned = true;
    const fragile = new EventLogProjection({
      name: 'fragile',
      hook: (event) => {
        if (poisoned && event.type === 'Poison') throw new Error('cannot digest this');
      },
    });
    const r = runner({ store, db: readModel.db, projections: [fragile, new StreamCountsProjection()], batchSize: 7 });
    await r.start();
    await r.waitFor('stream_counts', head);
    await expect(r.waitFor('fragile', head, 2000)).rejects.toThrow(/fragile failed: cannot digest this/);

    const fragileStatus = (await r.status()).find((s) => s.name === 'fragile');
    expect(fragileStatus).toMatchObject({ state: 'failed', headPosition: head });
    expect(fragileStatus?.lastError).toBe(`cannot digest this (event poison-1 Poison at position ${poison.position})`);
    const at = fragileStatus?.position ?? 0n;
    expect(at).toBeLessThan(poison.position);
    expect(fragileStatus?.lag).toBe(head - at);
    // The failed batch rolled back: the rows are exactly the events up to the checkpoint.
    expect(await count(readModel, 'fragile')).toBe(Number(at));
    const stored = await readRows(readModel.db, 'projection_checkpoints', 'name');
    expect(stored.find((row) => row.name === 'fragile')).toMatchObject({
      state: 'failed',
      position: at.toString(),
      last_error: fragileStatus?.lastError,
    });

    // Fixed (e.g. by a deploy), it resumes from its checkpoint.
    poisoned = false;
    await r.restart('fragile');
    await r.waitFor('fragile', head);
    expect(await count(readModel, 'fragile')).toBe(Number(head));
  });

  it('marks a projection failed when its subscription breaks, without an unhandled rejection', async () => {
    const { store, readModel } = await setup();
    const head = await writeEvents(store, 20);
    const broken = withFailingSubscriptions(store, 5, 'store connection lost');
    const r = runner({ store: broken, db: readModel.db, projections: [new EventLogProjection()], batchSize: 2 });
    await r.start();
    await expect(r.waitFor('event_log', head, 3000)).rejects.toThrow(/store connection lost/);
    const [status] = await r.status();
    expect(status).toMatchObject({ state: 'failed', lastError: 'store connection lost' });
    expect(await count(readModel, 'event_log')).toBe(Number(status?.position ?? -1n));
  });

  it('rebuild(name) resets and replays without counting anything twice', async () => {
    const { store, readModel } = await setup();
    const head = await writeEvents(store, 150);
    const r = runner({
      store,
      db: readModel.db,
      projections: [new StreamCountsProjection(), new EventLogProjection()],
    });
    await r.start();
    await r.waitFor('stream_counts', head);
    const before = await readRows(readModel.db, 'stream_counts', 'stream');
    await r.rebuild('stream_counts');
    await r.waitFor('stream_counts', head);
    expect(await readRows(readModel.db, 'stream_counts', 'stream')).toEqual(before);
    await expect(r.rebuild('nope')).rejects.toThrow(/No projection or process manager named nope/);
  });

  it('stops gracefully: the batch in hand commits, and a new runner resumes after it', async () => {
    const { store, readModel } = await setup();
    const head = await writeEvents(store, 100);
    const held = gate();
    const reached = gate();
    const counts = new StreamCountsProjection(async (_event, applied) => {
      if (applied === 15) {
        reached.open();
        await held.promise;
      }
    });
    const first = runner({ store, db: readModel.db, projections: [counts], batchSize: 10 });
    await first.start();
    await reached.promise;
    const stopping = first.stop();
    held.open();
    await stopping;
    const [stopped] = await first.status();
    expect(stopped?.state).toBe('stopped');
    // Batches hold whatever had arrived (at most 10); the one holding event 15 committed.
    const at = Number(stopped?.position ?? 0n);
    expect(at).toBeGreaterThanOrEqual(15);
    expect(at).toBeLessThan(25);
    const sum = async (): Promise<number> =>
      (await readRows(readModel.db, 'stream_counts', 'stream')).reduce((n, row) => n + Number(row.events), 0);
    expect(await sum()).toBe(at);

    const second = runner({ store, db: readModel.db, projections: [new StreamCountsProjection()] });
    await second.start();
    await second.waitFor('stream_counts', head);
    expect(await sum()).toBe(100);
    await eventually(async () => (await second.status())[0]?.state === 'live');
  });
}

describe('ProjectionRunner on SQLite', () => runnerSuite(sqliteTarget));
await describeWithPostgres('ProjectionRunner on PostgreSQL', (url) => runnerSuite(() => postgresTarget(url)));
