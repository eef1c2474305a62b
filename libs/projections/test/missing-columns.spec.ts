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

    const columnsOf = async (table: string) =>
      (await handle.db.introspection.getTables())
        .find((t) => t.name === table)
        ?.columns.map((c) => c.name)
        .sort();

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
