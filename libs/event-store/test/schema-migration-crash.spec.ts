import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyEventChains } from '#ltc/event-store';
import { SCHEMA_VERSION } from '../src/sqlite/sqlite-schema.js';
import { FAULT_POINT_ENV } from '#ltc/kernel';
import { runTypeScriptChild, siblingFile } from '#ltc/testing';
import {
  SCHEMA_ONE_ROWS,
  asSchemaOneRead,
  schemaObjects,
  userVersion,
  writeSchemaOneFile,
} from './schema-one.fixture.js';

const CHILD = siblingFile(import.meta.url, 'open-store.child.ts');

describe('SQLite event store killed while migrating an older file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-schema-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the old layout whole, and the next open migrates every event', async () => {
    const filename = join(dir, 'events.sqlite');
    writeSchemaOneFile(filename);

    const opener = runTypeScriptChild(CHILD, {
      [FAULT_POINT_ENV]: 'event-store.mid-migration',
      LTC_TEST_STORE: filename,
    });
    expect(await opener.exited).toBe('SIGKILL');
    expect(opener.output()).toContain(`${FAULT_POINT_ENV}: event-store.mid-migration hit 1`);
    expect(opener.output()).not.toContain('opened');
    // The copy was in the transaction that died: schema 1 as it was, no half-built table.
    expect(userVersion(filename)).toBe(1);
    expect(schemaObjects(filename)).toEqual(['events', 'events_stream_revision']);

    const store = new SqliteEventStore({ filename });
    try {
      const log = await store.readAll();
      expect(log.map(({ chainHash: _hash, ...event }) => event)).toEqual(SCHEMA_ONE_ROWS.map(asSchemaOneRead));
      expect((await verifyEventChains(store)).breaks).toEqual([]);
    } finally {
      await store.close();
    }
    expect(userVersion(filename)).toBe(SCHEMA_VERSION);
  });
});
