import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from './background-checkpoints.js';

describe('Background checkpoints', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ltc-checkpoints-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function openFile(): { db: Database.Database; filename: string } {
    const filename = join(folder, 'data.sqlite');
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    db.exec('create table rows (id integer primary key, body text not null)');
    return { db, filename };
  }

  function write(db: Database.Database, count: number): void {
    const insert = db.prepare('insert into rows (body) values (?)');
    db.transaction(() => {
      for (let n = 0; n < count; n += 1) insert.run('x'.repeat(1_000));
    })();
  }

  it('copies committed pages into the file from its own thread, below the connection threshold', async () => {
    const { db, filename } = openFile();
    const checkpoints = startBackgroundCheckpoints(filename, { intervalMs: 20 });
    const before = statSync(filename).size;
    // About 1,300 pages: far below the connection's own threshold, so only the thread checkpoints.
    write(db, 5_000);
    const deadline = Date.now() + 5_000;
    while (statSync(filename).size <= before + 4_000_000 && Date.now() < deadline) await sleep(20);
    expect(statSync(filename).size).toBeGreaterThan(before + 4_000_000);
    await checkpoints.stop();
    db.close();
    const reopened = new Database(filename, { readonly: true });
    expect(reopened.prepare('select count(*) from rows').pluck().get()).toBe(5_000);
    reopened.close();
  });

  it('leaves the pages in the log without it (the connection threshold is far off)', async () => {
    const { db, filename } = openFile();
    const before = statSync(filename).size;
    write(db, 5_000);
    await sleep(200);
    expect(statSync(filename).size).toBeLessThan(before + 1_000_000);
    db.close();
  });

  it('stops once however often it is asked, with a last checkpoint', async () => {
    const { db, filename } = openFile();
    const checkpoints = startBackgroundCheckpoints(filename, { intervalMs: 60_000 });
    await sleep(100);
    write(db, 2_000);
    await Promise.all([checkpoints.stop(), checkpoints.stop()]);
    await checkpoints.stop();
    expect(statSync(filename).size).toBeGreaterThan(1_500_000);
    db.close();
  });
});
