import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from '#ltc/event-store';
import { PostgresAdvisoryLease, SqliteLockFileLease, UncontendedLease, type RunnerLease } from './runner-lease.js';
import { postgresScratch, sqliteScratch, type OpenScratch } from './scratch-read-models.js';

/**
 * The read-model database knows no tables up front: each projection declares its own
 * with `db.withTables<…>()`, so no central schema type has to list every read model.
 */
export type ReadModelSchema = Record<never, never>;

/** A connection to the read-model database (SQLite or PostgreSQL). */
export type ReadModelDb = Kysely<ReadModelSchema>;

/** The transaction a projection writes a batch in; its checkpoint commits with it. */
export type ReadModelTransaction = Transaction<ReadModelSchema>;

/** Which SQL dialect a read-model database speaks; projections rarely need to care. */
export type ReadModelDialect = 'sqlite' | 'postgres';

/** An open read-model database and how to close it. */
export interface ReadModelHandle {
  readonly db: ReadModelDb;
  /**
   * For API queries. On a SQLite file, a second, read-only connection: Kysely runs one
   * statement or transaction at a time per connection, so a read on `db` waits for any
   * projection batch in progress; WAL lets this one read the last commit meanwhile.
   * Elsewhere (PostgreSQL's pool, `:memory:`) it is `db`.
   */
  readonly queryDb: ReadModelDb;
  readonly dialect: ReadModelDialect;
  /** The lease that decides which process runs the background jobs on these read models (ADR 0011). */
  createRunnerLease(): RunnerLease;
  /** An empty database beside this one, for a rebuild that must not empty the live tables; none in memory. */
  readonly openScratch?: OpenScratch;
  close(): Promise<void>;
}

/** Where the read models live. */
export interface ReadModelDbOptions {
  /** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else (or nothing) SQLite. */
  readonly url?: string;
  /** SQLite file (its folder is created); separate from the event-store file. */
  readonly sqliteFilename: string;
  /** PostgreSQL schema to work in (created if missing); ignored on SQLite. */
  readonly schema?: string;
  /** PostgreSQL pool size; default 10. */
  readonly poolSize?: number;
  /** SQLite: how long a write waits for another connection's lock before SQLITE_BUSY; default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

const PG_INT8_OID = 20;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Opens the read-model database chosen by `url` (see {@link ReadModelDbOptions}). */
export async function openReadModelDb(options: ReadModelDbOptions): Promise<ReadModelHandle> {
  const url = options.url ?? '';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options);
  }
  return openSqlite(options.sqliteFilename, options.busyTimeoutMs ?? 5000);
}

function openSqlite(filename: string, busyTimeoutMs: number): ReadModelHandle {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const database = new Database(filename);
  database.pragma('journal_mode = WAL');
  // NORMAL is enough: a batch's rows and its checkpoint commit (or vanish) together, so
  // a lost last commit after a power cut is simply replayed from the older checkpoint.
  database.pragma('synchronous = NORMAL');
  // The API process reads the same file; let a reader wait for a commit, not fail.
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // A blanked personal value (an erased data subject) must not survive in a free page or a
  // freed cell of the file: SQLite zeroes what it deletes or overwrites.
  database.pragma('secure_delete = ON');
  const checkpoints = filename === ':memory:' ? undefined : startBackgroundCheckpoints(filename);
  if (checkpoints) database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const dialect = new ImmediateSqliteDialect({ database: withStatementCache(database) });
  const db = new Kysely<ReadModelSchema>({ dialect });
  const queryDb = filename === ':memory:' ? db : openSqliteReader(filename, busyTimeoutMs);
  return {
    db,
    queryDb,
    dialect: 'sqlite',
    createRunnerLease: () =>
      filename === ':memory:' ? new UncontendedLease() : new SqliteLockFileLease(`${filename}.runner-lock`),
    ...(filename === ':memory:'
      ? {}
      : { openScratch: sqliteScratch(filename, (scratch) => openSqlite(scratch, busyTimeoutMs)) }),
    close: async () => {
      if (queryDb !== db) await queryDb.destroy();
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

function openSqliteReader(filename: string, busyTimeoutMs: number): ReadModelDb {
  const reader = new Database(filename, { readonly: true });
  reader.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return new Kysely<ReadModelSchema>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
}

/**
 * Kysely begins SQLite transactions DEFERRED: the write lock is taken at the first write,
 * and in WAL mode a transaction that read first and then finds another connection has
 * committed since cannot upgrade (SQLITE_BUSY at once, the busy timeout never applies).
 * Every read-model transaction writes (at least its checkpoint), so take the lock at BEGIN:
 * a busy peer then means waiting up to the busy timeout, never a spurious failure.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely prepares every query anew; a projection runs the same few statements for
 * every event, and better-sqlite3's prepare() cost more than the writes themselves
 * (measured: ~40% of a rebuild). Prepared statements are reusable, so keep them per
 * SQL text. DDL is not cached: it changes the schema the cached plans were made for.
 */
function withStatementCache(database: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = database.prepare.bind(database);
  const cached = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (statement) return statement;
    if (/^\s*(create|drop|alter)\b/i.test(source)) {
      cache.clear();
      return prepare(source);
    }
    if (cache.size >= 1000) cache.clear();
    statement = prepare(source);
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare') return cached;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function openPostgres(url: string, options: ReadModelDbOptions): Promise<ReadModelHandle> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    // Every unqualified table (the runner's checkpoints included) resolves to this schema.
    connectionString: schema === undefined ? url : withSearchPath(url, schema),
    max: options.poolSize ?? 10,
    types: { getTypeParser: exactInt8Parser },
  });
  // A connection dropped while checked out (server restart, terminated backend) emits
  // 'error' on the client; the next query on it fails and is handled there. Without a
  // listener the event would crash the process.
  pool.on('connect', (client) => client.on('error', ignoreClientError));
  pool.on('error', ignoreClientError);
  const db = new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    queryDb: db,
    dialect: 'postgres',
    createRunnerLease: () => new PostgresAdvisoryLease(url, schema),
    openScratch: postgresScratch((scratch) => openPostgres(url, { ...options, schema: scratch, poolSize: 2 })),
    close: () => db.destroy(),
  };
}

/**
 * The URL with `search_path` set to `schema` in its `options`. In the URL, not beside it: the
 * pg client lets a URL's `options` win over the pool's, so a URL that names a search path of
 * its own would send every write of a scratch schema to that one instead.
 */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const others = (parsed.searchParams.get('options') ?? '').replace(/-c\s*search_path=\S+/g, '').trim();
  parsed.searchParams.set('options', `${others} -c search_path=${schema}`.trim());
  return parsed.toString();
}

/** int8 (counts, bigint columns) becomes a bigint, never a lossy number. */
const exactInt8Parser = ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
  if (oid === PG_INT8_OID && format !== 'binary') return (value: string) => BigInt(value);
  const parser: unknown =
    format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  return parser as (value: string) => unknown;
}) as typeof pg.types.getTypeParser;

function ignoreClientError(): void {
  // Surfaced to whoever runs the next query on the broken connection.
}
