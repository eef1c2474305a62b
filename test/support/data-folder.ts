import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Every SQLite file of the data folder, checkpointed into its main file (WAL emptied), as bytes. */
export function rawFiles(dataDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dataDir).filter((file) => file.endsWith('.sqlite'))) {
    const path = join(dataDir, name);
    const db = new Database(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    files.set(name, readFileSync(path));
    // Whatever is left beside it (a WAL not emptied, a journal) is part of the file too.
    for (const side of ['-wal', '-journal']) {
      try {
        files.set(name + side, readFileSync(path + side));
      } catch {
        // absent: nothing to search
      }
    }
  }
  return files;
}

/** The names of the files whose bytes hold `text` (UTF-8). */
export const holding = (files: Map<string, Buffer>, text: string): string[] =>
  [...files].filter(([, bytes]) => bytes.includes(Buffer.from(text, 'utf8'))).map(([name]) => name);

/**
 * After an erasure, with the engine stopped: the event store, the read models and the key file
 * are there, and none of them (nor a WAL or journal beside them) holds any of `texts`.
 */
export function expectNoFileHolds(dataDir: string, texts: readonly string[]): void {
  const files = rawFiles(dataDir);
  expect([...files.keys()]).toEqual(
    expect.arrayContaining(['events.sqlite', 'read-models.sqlite', 'personal-data.sqlite']),
  );
  for (const text of texts) expect({ text, files: holding(files, text) }).toEqual({ text, files: [] });
}
