import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openReadModelDb, upsertMany, upsertRow, type BulkUpsertShape } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import { tempDir } from './fixtures.js';

type Tables = { things: { id: string; label: string; hits: number } };

describe('openReadModelDb on SQLite', () => {
  it('creates the folder and opens the file in WAL mode', async () => {
    const dir = tempDir('rm-open');
    const sqliteFilename = join(dir.path, 'nested', 'deeper', 'read-models.sqlite');
    const handle = await openReadModelDb({ sqliteFilename, url: 'file:ignored' });
    try {
      expect(handle.dialect).toBe('sqlite');
      expect(existsSync(sqliteFilename)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await handle.close();
      dir.cleanup();
    }
  });

  it('answers queries on queryDb from the last commit while a batch holds db in a transaction', async () => {
    const dir = tempDir('rm-reader');
    const handle = await openReadModelDb({ sqliteFilename: join(dir.path, 'rm.db') });
    try {
      await sql`create table things (id text primary key, label text, hits integer)`.execute(handle.db);
      await sql`insert into things values ('a', 'committed', 1)`.execute(handle.db);
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const batch = handle.db.transaction().execute(async (trx) => {
        await sql`update things set label = 'uncommitted'`.execute(trx);
        await held;
      });
      const read = sql<{ label: string }>`select label from things`.execute(handle.queryDb);
      const waiting = new Promise((resolve) => setTimeout(() => resolve('still waiting for the batch'), 2000));
      const first = await Promise.race([read.then((r) => r.rows[0]?.label), waiting]);
      release();
      await batch;
      expect(first).toBe('committed');
      // Read the message, not the class: better-sqlite3 is a native module loaded once per jest
      // worker, so its error may come from another test file's realm and fail `instanceof Error`.
      const refusal = await sql`delete from things`.execute(handle.queryDb).then(
        () => 'accepted',
        (error: unknown) => String((error as { message?: unknown }).message),
      );
      expect(refusal).toMatch(/readonly/);
    } finally {
      await handle.close();
      dir.cleanup();
    }
  });

  it('upserts portably', async () => {
    const dir = tempDir('rm-upsert');
    const handle = await openReadModelDb({ sqliteFilename: join(dir.path, 'rm.db') });
    try {
      await expectUpserts(handle.db);
      await expectBulkUpserts(handle.db);
    } finally {
      await handle.close();
      dir.cleanup();
    }
  });
});

await describeWithPostgres('openReadModelDb on PostgreSQL', (url) => {
  it('works inside its own schema and reads int8 exactly', async () => {
    const schema = await createTestSchema(url, 'rmopen');
    const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
    try {
      expect(handle.dialect).toBe('postgres');
      const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
      expect(current.rows[0]?.schema).toBe(schema.name);
      const big = await sql<{ n: unknown }>`select 9007199254740993::int8 as n`.execute(handle.db);
      expect(big.rows[0]?.n).toBe(9007199254740993n);
      await expectUpserts(handle.db);
      await expectBulkUpserts(handle.db);
    } finally {
      await handle.close();
      await schema.drop();
    }
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(openReadModelDb({ url, schema: 'x; drop', sqliteFilename: 'unused.db' })).rejects.toThrow(
      /Invalid PostgreSQL schema name/,
    );
  });
});

async function expectUpserts(db: Awaited<ReturnType<typeof openReadModelDb>>['db']): Promise<void> {
  await db.schema
    .createTable('things')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await upsertRow(db, 'things', { id: 'a', label: 'first', hits: 1 }, ['id']);
  await upsertRow(db, 'things', { id: 'a', label: 'second', hits: 2 }, ['id']);
  await upsertRow(db, 'things', { id: 'b', label: 'kept', hits: 1 }, ['id']);
  await upsertRow(db, 'things', { id: 'b', label: 'ignored', hits: 9 }, ['id'], []);
  await upsertRow(db, 'things', { id: 'a', label: 'label only', hits: 99 }, ['id'], ['label']);
  const rows = await db.withTables<Tables>().selectFrom('things').selectAll().orderBy('id').execute();
  expect(rows).toEqual([
    { id: 'a', label: 'label only', hits: 2 },
    { id: 'b', label: 'kept', hits: 1 },
  ]);
}

type Tally = { id: string; label: string; hits: number };
const TALLIES: BulkUpsertShape<Tally> = {
  table: 'tallies',
  columns: ['id', 'label', 'hits'],
  key: ['id'],
  update: ['hits'],
  pgTypes: { hits: 'integer' },
};
const NEW_TALLIES: BulkUpsertShape<Tally> = { ...TALLIES, update: [] };

/** 203 rows (on SQLite statements of 128, 64, 8, 2 and 1 rows): every row lands once, conflicts update only `update`. */
async function expectBulkUpserts(db: Awaited<ReturnType<typeof openReadModelDb>>['db']): Promise<void> {
  await db.schema
    .createTable('tallies')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  const tally = (n: number, label: string, hits: number): Tally => ({
    id: `t${String(n).padStart(3, '0')}`,
    label,
    hits,
  });
  await upsertMany(
    db,
    TALLIES,
    Array.from({ length: 203 }, (_, n) => tally(n, 'first', n)),
  );
  await upsertMany(db, TALLIES, [tally(0, 'ignored', 1000), tally(202, 'ignored', 2000)]);
  await upsertMany(db, NEW_TALLIES, [tally(1, 'ignored', 3000), tally(203, 'added', 4)]);
  const rows = await db.withTables<{ tallies: Tally }>().selectFrom('tallies').selectAll().orderBy('id').execute();
  expect(rows).toHaveLength(204);
  expect(rows.slice(0, 3)).toEqual([tally(0, 'first', 1000), tally(1, 'first', 1), tally(2, 'first', 2)]);
  expect(rows.slice(-2)).toEqual([tally(202, 'first', 2000), tally(203, 'added', 4)]);
  expect(rows.map((row) => row.hits).slice(3, 202)).toEqual(Array.from({ length: 199 }, (_, n) => n + 3));
}
