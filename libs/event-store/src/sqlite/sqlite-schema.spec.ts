import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metadataFor, someEvents } from '../../test/contract.helpers.js';
import {
  SCHEMA_ONE_ROWS,
  asSchemaOneRead,
  schemaObjects,
  userVersion,
  writeSchemaOneFile,
} from '../../test/schema-one.fixture.js';
import { verifyEventChains } from '../chain/verify-chains.js';
import type { RecordedEvent } from '../recorded-event.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';

const folders: string[] = [];

function freshFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ltc-sqlite-schema-'));
  folders.push(folder);
  return join(folder, 'events.sqlite');
}

async function withStore<T>(filename: string, use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = new SqliteEventStore({ filename });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Columns (name, type, not-null) and index definitions of a file's `events` table. */
function layoutOf(filename: string): unknown {
  const db = new Database(filename, { readonly: true });
  try {
    const columns = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all('events');
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .all();
    return { columns, indexes };
  } finally {
    db.close();
  }
}

/** The events without their chain hashes, which a schema-1 build did not have. */
function unchained(events: readonly RecordedEvent[]): RecordedEvent[] {
  return events.map(({ chainHash: _hash, ...event }) => event);
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('SQLite event store schema', () => {
  it('reads every event of a schema-1 file back as a schema-1 build did, then appends after it', async () => {
    const filename = freshFile();
    writeSchemaOneFile(filename);

    await withStore(filename, async (store) => {
      const log = await store.readAll();
      expect(unchained(log)).toEqual(SCHEMA_ONE_ROWS.map(asSchemaOneRead));
      expect(log.every((event) => /^[0-9a-f]{64}$/.test(event.chainHash ?? ''))).toBe(true);
      expect(unchained(await store.readStream('lead-1'))).toEqual(SCHEMA_ONE_ROWS.slice(0, 2).map(asSchemaOneRead));
      const appended = await store.appendToStream('lead-1', someEvents(1), { expectedRevision: 1n });
      expect(appended).toEqual({ nextRevision: 2n, position: 2n ** 53n + 2n });
      expect((await verifyEventChains(store)).breaks).toEqual([]);
    });

    expect(userVersion(filename)).toBe(SCHEMA_VERSION);
    expect(schemaObjects(filename)).toEqual(['events', 'events_stream_revision', 'events_tenant_actor']);
    await withStore(filename, async (store) => {
      const log = await store.readAll();
      expect(unchained(log.slice(0, SCHEMA_ONE_ROWS.length))).toEqual(SCHEMA_ONE_ROWS.map(asSchemaOneRead));
      expect(log.map((event) => event.position).at(-1)).toBe(2n ** 53n + 2n);
    });
  });

  it('keeps a field named __proto__ a field of the metadata, not its prototype', async () => {
    const filename = freshFile();
    writeSchemaOneFile(filename);
    const [, , odd] = await withStore(filename, (store) => store.readAll());
    expect(Object.getPrototypeOf(odd?.metadata)).toBe(Object.prototype);
    expect(Object.keys(odd?.metadata ?? {})).toContain('__proto__');
  });

  it('gives a migrated file the same layout as a new one', async () => {
    const migrated = freshFile();
    writeSchemaOneFile(migrated);
    const created = freshFile();
    await withStore(migrated, async () => undefined);
    await withStore(created, async () => undefined);
    expect(layoutOf(migrated)).toEqual(layoutOf(created));
    expect(userVersion(created)).toBe(SCHEMA_VERSION);
  });

  it('chains the events of a schema-2 file on upgrade exactly as their appends would have', async () => {
    const filename = freshFile();
    const appended = await withStore(filename, async (store) => {
      await store.appendToStream('lead-1', someEvents(3));
      await store.appendToStream('lead-2', someEvents(2));
      await store.appendToStream('lead-1', someEvents(1));
      return store.readAll();
    });
    const db = new Database(filename);
    db.exec('ALTER TABLE events DROP COLUMN chain_hash');
    db.pragma('user_version = 2');
    db.close();

    await withStore(filename, async (store) => {
      expect(await store.readAll()).toEqual(appended);
      expect((await verifyEventChains(store)).breaks).toEqual([]);
    });
    expect(userVersion(filename)).toBe(SCHEMA_VERSION);
  });

  it('refuses a file of a newer schema and leaves its tables alone', () => {
    const filename = freshFile();
    const db = new Database(filename);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteEventStore({ filename })).toThrow(
      `has event-store schema ${SCHEMA_VERSION + 1}; this build knows up to ${SCHEMA_VERSION}`,
    );
    expect(userVersion(filename)).toBe(SCHEMA_VERSION + 1);
    expect(schemaObjects(filename)).toEqual([]);
  });

  it('stores the named metadata fields in columns and only the others as JSON', async () => {
    const filename = freshFile();
    const engine = metadataFor({ requestHash: 'sha256:abc' });
    const odd = { ...metadataFor(), schemaVersion: 2.5, origin: { system: 'crm' } };
    await withStore(filename, async (store) => {
      await store.appendToStream('lead-1', [
        { type: 'A', data: {}, metadata: engine },
        { type: 'B', data: {}, metadata: odd },
      ]);
      expect((await store.readAll()).map((event) => event.metadata)).toEqual([engine, odd]);
    });
    const db = new Database(filename, { readonly: true });
    const rows = db
      .prepare('SELECT tenant_id, actor_user_id, schema_version, request_hash, other_metadata FROM events')
      .all();
    db.close();
    expect(rows).toEqual([
      {
        tenant_id: 'tenant-a',
        actor_user_id: 'user-7',
        schema_version: 1,
        request_hash: 'sha256:abc',
        other_metadata: null,
      },
      {
        tenant_id: 'tenant-a',
        actor_user_id: 'user-7',
        schema_version: null,
        request_hash: null,
        other_metadata: '{"schemaVersion":2.5,"origin":{"system":"crm"}}',
      },
    ]);
  });

  it("answers an audit of one user's events from the tenant + actor index, in log order without a sort", async () => {
    const filename = freshFile();
    await withStore(filename, async () => undefined);
    const db = new Database(filename, { readonly: true });
    const plan = db
      .prepare<[string, string], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT position, type FROM events WHERE tenant_id = ? AND actor_user_id = ? ORDER BY position',
      )
      .all('acme', 'user-7')
      .map((step) => step.detail);
    db.close();
    expect(plan).toEqual(['SEARCH events USING INDEX events_tenant_actor (tenant_id=? AND actor_user_id=?)']);
  });
});
