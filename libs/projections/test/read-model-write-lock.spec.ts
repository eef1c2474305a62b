import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openReadModelDb } from '#ltc/projections';
import { tempDir } from './fixtures.js';

describe('read-model transactions on SQLite', () => {
  it('take the write lock at BEGIN, so a batch never has to upgrade a read into a write', async () => {
    const dir = tempDir('rm-immediate');
    const sqliteFilename = join(dir.path, 'rm.db');
    const handle = await openReadModelDb({ sqliteFilename });
    const other = new Database(sqliteFilename, { timeout: 0 });
    try {
      await sql`create table things (id text primary key)`.execute(handle.db);
      let otherWrite: string | undefined;
      await handle.db.transaction().execute(async (trx) => {
        // Nothing written yet in this transaction: a deferred BEGIN would hold no lock here.
        await sql`select count(*) from things`.execute(trx);
        try {
          other.prepare(`insert into things (id) values ('from-another-connection')`).run();
          otherWrite = 'committed';
        } catch (error) {
          otherWrite = (error as { code?: string }).code;
        }
        await sql`insert into things (id) values ('from-the-batch')`.execute(trx);
      });
      expect(otherWrite).toBe('SQLITE_BUSY');
      const rows = other.prepare('select id from things order by id').all();
      expect(rows).toEqual([{ id: 'from-the-batch' }]);
    } finally {
      other.close();
      await handle.close();
      dir.cleanup();
    }
  });
});
