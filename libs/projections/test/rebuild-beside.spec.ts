import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { ProjectionRunner, type ReadModelHandle } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { openStore, postgresTarget, sqliteTarget, tempDir, writeEvents, type ReadModelTarget } from './fixtures.js';
import { Cleanup } from './suite-support.js';
import { EventLogProjection, StreamCountsProjection, readRows } from './test-projections.js';

/**
 * A rebuild beside the live rows (ADR 0023): readers asking all the while never see fewer
 * rows than before, the rows after the switch equal a fresh fold of the whole log, and
 * events appended during the rebuild are in it exactly once.
 */
function rebuildSuite(makeTarget: () => ReadModelTarget): void {
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function setup() {
    const dir = tempDir('rebuild-beside');
    const store = openStore(dir.path);
    const location = await target.create();
    const readModel: ReadModelHandle = await location.open();
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    cleanup.add(() => readModel.close());
    expect(readModel.openScratch).toBeDefined();
    const runner = new ProjectionRunner({
      store,
      db: readModel.db,
      projections: [new EventLogProjection(), new StreamCountsProjection()],
      // Small scratch batches: the rebuild takes long enough for readers to ask many times.
      catchUpBatchSize: 200,
      ...(readModel.openScratch ? { openScratch: readModel.openScratch } : {}),
    });
    cleanup.add(() => runner.stop());
    return { store, readModel, runner, location };
  }

  const count = async (readModel: ReadModelHandle, table: string): Promise<number> => {
    const result = await sql<{ n: number | bigint }>`select count(*) as n from ${sql.table(table)}`.execute(
      readModel.queryDb,
    );
    return Number(result.rows[0]?.n ?? -1);
  };

  it('keeps serving every row while it rebuilds, then switches to rows equal to the log, new events included once', async () => {
    const { store, readModel, runner } = await setup();
    const head = await writeEvents(store, 4_000);
    await runner.start();
    await runner.waitFor('event_log', head, 30_000);
    const before = await count(readModel, 'event_log');
    expect(before).toBe(4_000);

    await runner.rebuild('event_log');
    const seen: number[] = [];
    let statuses = 0;
    const reading = (async () => {
      for (;;) {
        seen.push(await count(readModel, 'event_log'));
        const status = (await runner.status()).find((s) => s.name === 'event_log');
        if (status?.rebuild?.state === 'running') statuses += 1;
        if (!status?.rebuild) return;
        // SQLite answers synchronously: without a pause this loop would starve everything else.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    // Written while the rebuild runs: they must end up in the rows exactly once.
    const later = await writeEvents(store, 300, 3, 'late');
    await runner.rebuilt('event_log');
    await reading;
    await runner.waitFor('event_log', later, 30_000);

    expect(Math.min(...seen)).toBeGreaterThanOrEqual(before);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(statuses).toBeGreaterThan(0);
    const rows = await readRows(readModel.db, 'event_log', 'position');
    const all = await store.readAll();
    expect(rows.map((row) => row['event_id']).sort()).toEqual(all.map((event) => event.id).sort());
    expect((await runner.status()).find((s) => s.name === 'event_log')).toMatchObject({ lag: 0n, rebuild: null });
    // The other projection went on untouched.
    expect(await count(readModel, 'stream_counts')).toBe(new Set(all.map((e) => e.stream)).size);
  }, 120_000);

  it('removes what a rebuild of the projection left behind when its process died', async () => {
    const { store, readModel, runner, location } = await setup();
    const head = await writeEvents(store, 50);
    await runner.start();
    await runner.waitFor('event_log', head, 30_000);
    const sqliteFile = location.options.sqliteFilename;
    const leftOver =
      readModel.dialect === 'sqlite' ? join(dirname(sqliteFile), 'rebuild-event_log-deadbeef.sqlite') : undefined;
    if (leftOver) writeFileSync(leftOver, '');
    else await sql`create schema rebuild_event_log_deadbeef`.execute(readModel.db);
    await runner.rebuild('event_log');
    await runner.rebuilt('event_log');
    if (leftOver) {
      expect(existsSync(leftOver)).toBe(false);
    } else {
      const schemas = await sql<{ n: number | bigint }>`
        select count(*) as n from pg_namespace where nspname like 'rebuild_event_log_%'`.execute(readModel.db);
      expect(Number(schemas.rows[0]?.n)).toBe(0);
    }
    expect(await count(readModel, 'event_log')).toBe(50);
  }, 60_000);

  it('leaves the live rows as they were when it fails, and says why', async () => {
    const { store, readModel, runner } = await setup();
    const head = await writeEvents(store, 500);
    await runner.start();
    await runner.waitFor('event_log', head, 30_000);
    // The scratch cannot be opened: nothing of the live table may change.
    const failing = new ProjectionRunner({
      store,
      db: readModel.db,
      projections: [new EventLogProjection()],
      openScratch: () => Promise.reject(new Error('no room for a scratch database')),
    });
    cleanup.add(() => failing.stop());
    await runner.stop();
    await failing.start();
    await failing.waitFor('event_log', head, 30_000);
    await failing.rebuild('event_log');
    await expect(failing.rebuilt('event_log')).rejects.toThrow(/no room for a scratch database/);
    expect(await count(readModel, 'event_log')).toBe(500);
    expect((await failing.status()).find((s) => s.name === 'event_log')?.rebuild).toMatchObject({
      state: 'failed',
      error: 'no room for a scratch database',
    });
  }, 60_000);
}

describe('Rebuild beside the live rows, on SQLite', () => rebuildSuite(sqliteTarget));
await describeWithPostgres('Rebuild beside the live rows, on PostgreSQL', (url) =>
  rebuildSuite(() => postgresTarget(url)),
);
