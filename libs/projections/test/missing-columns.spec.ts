import { sql } from 'kysely';
import { describeWithPostgres } from '#ltc/testing';
import { addMissingColumns } from '../src/missing-columns.js';
import type { ReadModelHandle } from '../src/read-model-db.js';
import { postgresTarget, sqliteTarget, type ReadModelTarget } from './fixtures.js';

function describeMissingColumns(name: string, target: () => ReadModelTarget): void {
  describe(`addMissingColumns on ${name}`, () => {
    let made: ReadModelTarget;
    let handle: ReadModelHandle;
    beforeEach(async () => {
      made = target();
      handle = await (await made.create()).open();
    });
    afterEach(async () => {
      await handle.close();
      await made.cleanup();
    });

    // Introspection lists every schema of a PostgreSQL server: keep to this handle's own.
    const ownSchema = async (): Promise<string | undefined> =>
      handle.dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s
        : undefined;
    const columnsOf = async (table: string) => {
      const schema = await ownSchema();
      return (await handle.db.introspection.getTables())
        .find((t) => t.name === table && t.schema === schema)
        ?.columns.map((c) => c.name)
        .sort();
    };

    it('gives a table of an older shape the columns it lacks, keeps its rows, and is a no-op the second time', async () => {
      await handle.db.schema.createTable('shaped').addColumn('id', 'text').addColumn('tier', 'text').execute();
      await handle.db
        .withTables<{ shaped: { id: string; tier: string } }>()
        .insertInto('shaped')
        .values({ id: 'a', tier: 'A' })
        .execute();
      const wanted = [
        ['tier', 'text'],
        ['attempts', 'integer'],
        ['amount_minor', 'bigint'],
      ] as const;
      await addMissingColumns(handle.db, 'shaped', wanted);
      await addMissingColumns(handle.db, 'shaped', wanted);
      expect(await columnsOf('shaped')).toEqual(['amount_minor', 'attempts', 'id', 'tier']);
      const rows = await handle.db
        .withTables<{ shaped: Record<string, unknown> }>()
        .selectFrom('shaped')
        .selectAll()
        .execute();
      expect(rows).toEqual([{ id: 'a', tier: 'A', attempts: null, amount_minor: null }]);
    });

    if (target().dialect === 'postgres') {
      it('looks only at its own schema, not at a table of the same name elsewhere on the server', async () => {
        const other = `other_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
        await sql`create schema ${sql.id(other)}`.execute(handle.db);
        try {
          await sql`create table ${sql.id(other)}.shaped (id text, tier text)`.execute(handle.db);
          await handle.db.schema.createTable('shaped').addColumn('id', 'text').execute();
          await addMissingColumns(handle.db, 'shaped', [['tier', 'text']]);
          expect(await columnsOf('shaped')).toEqual(['id', 'tier']);
        } finally {
          await sql`drop schema ${sql.id(other)} cascade`.execute(handle.db);
        }
      });
    }

    it('leaves a table that does not exist alone', async () => {
      await addMissingColumns(handle.db, 'absent', [['x', 'text']]);
      expect(await columnsOf('absent')).toBeUndefined();
    });
  });
}

describeMissingColumns('SQLite', sqliteTarget);
await describeWithPostgres('addMissingColumns (PostgreSQL)', (url) =>
  describeMissingColumns('PostgreSQL', () => postgresTarget(url)),
);
