import Database from 'better-sqlite3';
import pg from 'pg';

/** Every table of a read-model database, its rows sorted, as plain values (for comparing two states). */
export type TableSnapshot = Record<string, string[]>;

/** Bookkeeping of the runner itself (positions, times, leases), not a fold of the log. */
const RUNNER_TABLES = /checkpoint|lease/;

const asText = (row: unknown): string =>
  JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

function sorted(rows: unknown[]): string[] {
  return rows.map(asText).sort();
}

/** The tables of a SQLite read-model file. */
export function sqliteTables(file: string): TableSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as {
      name: string;
      sql: string;
    }[];
    // A full-text index is compared by what it holds (its virtual table), not by the layout of
    // its b-tree segments (its shadow tables), which depends on how the rows arrived.
    const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
    const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    return Object.fromEntries(
      tables
        .map(({ name }) => name)
        .filter((name) => !RUNNER_TABLES.test(name) && !shadow(name))
        .sort()
        .map((name) => [name, sorted(db.prepare(`select * from "${name}"`).all())]),
    );
  } finally {
    db.close();
  }
}

/** The tables of one PostgreSQL schema. */
export async function postgresTables(url: string, schema: string): Promise<TableSnapshot> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1 order by table_name',
      [schema],
    );
    const snapshot: TableSnapshot = {};
    for (const { table_name: name } of rows) {
      if (RUNNER_TABLES.test(name)) continue;
      snapshot[name] = sorted((await client.query(`select * from "${schema}"."${name}"`)).rows);
    }
    return snapshot;
  } finally {
    await client.end();
  }
}
