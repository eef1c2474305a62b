import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SqliteEventStore, type EventMetadata, type EventStore } from '#ltc/event-store';
import {
  openReadModelDb,
  type ReadModelDbOptions,
  type ReadModelDialect,
  type ReadModelHandle,
} from '#ltc/projections';
import { createTestSchema, type TestSchema } from '#ltc/testing';

/** A temp folder removed by `cleanup()`. */
export function tempDir(label: string): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), `ltc-${label}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** The real SQLite event store on a file in `dir` (durability normal: survives a process crash). */
export function openStore(dir: string): SqliteEventStore {
  return new SqliteEventStore({ filename: join(dir, 'events.db'), durability: 'normal', pollIntervalMs: 20 });
}

/** Metadata for test events. */
export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { userId: 'u-1', role: 'sales' },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    commandId: `cmd-${Math.random().toString(36).slice(2)}`,
    tenantId: 'tenant-1',
    schemaVersion: 1,
    ...overrides,
  };
}

/** Appends `count` events round-robin over `streams` streams, a few per append; returns the head. */
export async function writeEvents(store: EventStore, count: number, streams = 7, prefix = 'order'): Promise<bigint> {
  let head = 0n;
  for (let written = 0; written < count;) {
    const size = Math.min(1 + (written % 3), count - written);
    const stream = `${prefix}-${written % streams}`;
    const events = Array.from({ length: size }, (_, i) => ({
      type: (written + i) % 5 === 0 ? 'ItemRemoved' : 'ItemAdded',
      data: { n: written + i },
      metadata: metadata(),
    }));
    head = (await store.appendToStream(stream, events)).position;
    written += size;
  }
  return head;
}

/** Several tasks appending at once (each a few events per append); resolves to the highest position. */
export async function writeConcurrently(
  store: EventStore,
  options: { writers: number; appendsPerWriter: number; prefix?: string },
): Promise<bigint> {
  const tasks = Array.from({ length: options.writers }, async (_, writer) => {
    let head = 0n;
    for (let i = 0; i < options.appendsPerWriter; i++) {
      const stream = `${options.prefix ?? 'live'}-${(writer * 3 + i) % 5}`;
      const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        type: 'ItemAdded',
        data: { writer, i, k },
        metadata: metadata(),
      }));
      const result = await store.appendToStream(stream, events);
      if (result.position > head) head = result.position;
      // Yield so that writers interleave with each other and with the runner.
      if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return head;
  });
  const heads = await Promise.all(tasks);
  return heads.reduce((a, b) => (a > b ? a : b), 0n);
}

/** Polls `check` until it returns true. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One read-model database that can be opened several times (a restart opens it anew). */
export interface ReadModelLocation {
  /** How to open it, for a runner in another process. */
  readonly options: ReadModelDbOptions;
  open(): Promise<ReadModelHandle>;
  /**
   * Kills `handle` the way `kill -9` would: its connections vanish and an open
   * transaction rolls back. SQLite: close the file under it. PostgreSQL: terminate its backends.
   */
  kill(handle: ReadModelHandle): Promise<void>;
}

/** Makes fresh, empty read-model databases of one dialect and removes them afterwards. */
export interface ReadModelTarget {
  readonly dialect: ReadModelDialect;
  create(): Promise<ReadModelLocation>;
  cleanup(): Promise<void>;
}

/** SQLite files in a temp folder. */
export function sqliteTarget(): ReadModelTarget {
  const dir = tempDir('read-model');
  let next = 0;
  return {
    dialect: 'sqlite',
    async create() {
      const sqliteFilename = join(dir.path, `db-${next++}`, 'read-model.db');
      return {
        options: { sqliteFilename },
        open: () => openReadModelDb({ sqliteFilename }),
        kill: (handle) => handle.close(),
      };
    },
    async cleanup() {
      dir.cleanup();
    },
  };
}

/** A schema per database (dropped in `cleanup()`); connections are tagged so `kill` finds them. */
export function postgresTarget(url: string): ReadModelTarget {
  const schemas: TestSchema[] = [];
  return {
    dialect: 'postgres',
    async create() {
      const schema = await createTestSchema(url, 'rm');
      schemas.push(schema);
      const tagged = `${url}${url.includes('?') ? '&' : '?'}application_name=${schema.name}`;
      const options = { url: tagged, schema: schema.name, sqliteFilename: 'unused.db' };
      return {
        options,
        open: () => openReadModelDb(options),
        async kill() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
              schema.name,
            ]);
          } finally {
            await client.end();
          }
        },
      };
    },
    async cleanup() {
      await Promise.all(schemas.map((schema) => schema.drop()));
    },
  };
}
