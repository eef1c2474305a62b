import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema } from './postgres.js';

/** A read-model database for one test, and how to throw it away. */
export interface TestDb {
  readonly handle: ReadModelHandle;
  dispose(): Promise<void>;
}

/** A read-model database in a SQLite file of a fresh temporary folder, removed on dispose. */
export async function sqliteTestDb(prefix: string): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), `ltc-${prefix}-`));
  const handle = await openReadModelDb({ sqliteFilename: join(dir, 'rm.sqlite') });
  return {
    handle,
    async dispose() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A read-model database in a PostgreSQL schema of its own, dropped on dispose. */
export async function postgresTestDb(url: string, prefix: string): Promise<TestDb> {
  const schema = await createTestSchema(url, prefix);
  const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
  return {
    handle,
    async dispose() {
      await handle.close();
      await schema.drop();
    },
  };
}
