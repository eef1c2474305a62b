import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

/** A query as the database ran it, with SQLite's plan for it. */
export interface PlannedQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** `EXPLAIN QUERY PLAN` details, one per step ("SEARCH lead_list USING INDEX …"). */
  readonly plan: readonly string[];
}

/**
 * An in-memory SQLite read-model database that records every SELECT run through it, so
 * a test can call the same query functions the API routes call and then ask SQLite how
 * it would run each of them.
 */
export class QueryPlanRecorder<DB = Record<never, never>> {
  readonly database = new Database(':memory:');
  readonly db: Kysely<DB>;
  private recorded: { sql: string; parameters: readonly unknown[] }[] = [];

  constructor() {
    this.db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: this.database }),
      log: (event) => {
        if (event.level === 'query' && /^\s*(with|select)\b/i.test(event.query.sql)) {
          this.recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
        }
      },
    });
  }

  /** Runs `work` and returns the plans of the SELECTs it ran. */
  async plansOf(work: () => Promise<unknown>): Promise<PlannedQuery[]> {
    this.recorded = [];
    await work();
    return this.recorded.map(({ sql, parameters }) => ({
      sql,
      parameters,
      plan: (
        this.database.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]
      ).map((row) => row.detail),
    }));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/**
 * The steps of a plan that read a whole table that grows with the data:
 * - `SCAN t`, with or without an index (reading all of an index is reading all of the
 *   table); a full-text match (`VIRTUAL TABLE INDEX n:M…`) is a lookup, not a scan;
 * - for a query that filters, a `SEARCH` bounded by the tenant alone (with one tenant,
 *   that is the whole table), unless it walks the rows in page order under a LIMIT: that
 *   walk stops once the page is full, so it reads about limit ÷ (share of rows matching).
 *   A count (even a capped one: with rare matches its LIMIT is never reached) or a sort
 *   of every row (`USE TEMP B-TREE FOR ORDER BY`) reads all.
 */
export function fullScansIn(
  query: PlannedQuery,
  growing: readonly string[],
  options: { readonly filtered: boolean },
): string[] {
  const walksInPageOrder =
    /\blimit\b/i.test(query.sql) &&
    /\border by\b/i.test(query.sql) &&
    !/\bcount\(/i.test(query.sql) &&
    !query.plan.includes('USE TEMP B-TREE FOR ORDER BY');
  return query.plan.filter((step) => {
    const scan = /^SCAN (\w+)/.exec(step);
    if (scan?.[1] && growing.includes(scan[1])) return !/VIRTUAL TABLE INDEX \d+:M/.test(step);
    const search = /^SEARCH (\w+) .*\((.*)\)$/.exec(step);
    if (!options.filtered || !search?.[1] || !growing.includes(search[1])) return false;
    return search[2] === 'tenant_id=?' && !walksInPageOrder;
  });
}
