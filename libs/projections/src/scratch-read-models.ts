import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql, type Kysely, type RawBuilder, type TableMetadata } from 'kysely';

/** A read-model connection (the `ReadModelDb` of read-model-db.ts, spelt here so the two files do not import each other). */
type ReadModelDb = Kysely<Record<never, never>>;

/** What a scratch is opened as: a connection and how to close it. */
interface OpenedDb {
  readonly db: ReadModelDb;
  close(): Promise<void>;
}

/**
 * An empty read-model database beside the live one, of the same dialect, where a rebuild
 * fills a projection's tables while readers keep reading the live ones (ADR 0023). Its
 * tables are then copied over the live ones in one transaction.
 */
export interface ScratchReadModels {
  /** Where the rebuild writes. */
  readonly db: ReadModelDb;
  /** Every table the scratch holds, with its columns (what a projection's `setup` created there). */
  tables(): Promise<Map<string, string[]>>;
  /** Makes the scratch tables readable from the live database (`tableRef`); the scratch `db` is closed then. */
  attachTo(live: ReadModelDb): Promise<void>;
  /** A scratch table as a statement on the live database names it. */
  tableRef(table: string): RawBuilder<unknown>;
  /** Removes the scratch database (and detaches it). */
  discard(): Promise<void>;
}

export type OpenScratch = (label: string) => Promise<ScratchReadModels>;

/** A SQLite file next to the live one, attached to the live connection for the copy. */
export function sqliteScratch(liveFilename: string, open: (filename: string) => OpenedDb): OpenScratch {
  return async (label) => {
    const folder = dirname(liveFilename);
    // What a rebuild of this projection left when its process died mid-way: only the lease holder rebuilds.
    const leftOver = new RegExp(`^rebuild-${label}-[0-9a-f]{8}\\.sqlite`);
    for (const stale of readdirSync(folder).filter((name) => leftOver.test(name))) {
      rmSync(join(folder, stale), { force: true });
    }
    const tag = randomBytes(4).toString('hex');
    const filename = join(folder, `rebuild-${label}-${tag}.sqlite`);
    // One alias per scratch: rebuilds of several projections may switch over one after another on one connection.
    const alias = `rebuild_${tag}`;
    const handle = open(filename);
    let attachedTo: ReadModelDb | undefined;
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      db: handle.db,
      tables: async () => copiedSqliteTables(handle.db),
      async attachTo(live) {
        // Closed first: everything it wrote is in the file (and its WAL folded in) before the copy reads it.
        await close();
        await sql`attach database ${filename} as ${sql.id(alias)}`.execute(live);
        attachedTo = live;
      },
      tableRef: (table) => sql`${sql.id(alias)}.${sql.id(table)}`,
      async discard() {
        if (attachedTo) await sql`detach database ${sql.id(alias)}`.execute(attachedTo);
        attachedTo = undefined;
        await close();
        for (const suffix of ['', '-wal', '-shm', '.runner-lock']) rmSync(`${filename}${suffix}`, { force: true });
      },
    };
  };
}

/** A schema of its own in the same PostgreSQL database, dropped afterwards. */
export function postgresScratch(open: (schema: string) => Promise<OpenedDb>): OpenScratch {
  return async (label) => {
    const prefix = `rebuild_${label.replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_`;
    const schema = `${prefix}${randomBytes(4).toString('hex')}`;
    const handle = await open(schema);
    // What a rebuild of this projection left when its process died mid-way: only the lease holder rebuilds.
    const stale = await sql<{ nspname: string }>`
      select nspname from pg_namespace where nspname ~ ${`^${prefix}[0-9a-f]{8}$`} and nspname <> ${schema}`.execute(
      handle.db,
    );
    for (const { nspname } of stale.rows)
      await sql`drop schema if exists ${sql.id(nspname)} cascade`.execute(handle.db);
    return {
      db: handle.db,
      tables: async () => {
        // Only the scratch's own schema (the introspection would list every schema's tables).
        const found = await sql<{ table_name: string; column_name: string }>`
          select table_name, column_name from information_schema.columns
          where table_schema = ${schema} order by table_name, ordinal_position`.execute(handle.db);
        const tables = new Map<string, string[]>();
        for (const row of found.rows)
          tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
        return tables;
      },
      attachTo: async () => undefined,
      tableRef: (table) => sql`${sql.id(schema)}.${sql.id(table)}`,
      async discard() {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
        await handle.close();
      },
    };
  };
}

function columnsOf(tables: readonly TableMetadata[]): Map<string, string[]> {
  return new Map(tables.map((table) => [table.name, table.columns.map((column) => column.name)]));
}

/**
 * The scratch's tables to copy on SQLite: not a virtual table (full-text search) nor the
 * tables it keeps its index in. The live database's triggers fill those from the rows the
 * copy inserts, as they do for every write.
 */
async function copiedSqliteTables(db: ReadModelDb): Promise<Map<string, string[]>> {
  const virtual = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db);
  const names = virtual.rows.map((row) => row.name);
  const derived = (table: string): boolean => names.some((name) => table === name || table.startsWith(`${name}_`));
  return columnsOf((await db.introspection.getTables()).filter((table) => !derived(table.name)));
}
