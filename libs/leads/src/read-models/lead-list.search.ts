import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { ReadModelDb, ReadModelDialect, ReadModelTransaction } from '#ltc/projections';

/**
 * Text search over `lead_list.search_text` (name, company, person, email, phone) with each
 * dialect's full-text index instead of `LIKE '%…%'`, which reads every row:
 * - SQLite: an FTS5 table keyed by the lead row's rowid, kept by triggers on `lead_list`
 *   so every write path (projection batches, test fixtures, rebuilds) keeps it in step.
 *   Contentless with `contentless_delete`, so a delete needs only the rowid and deleting
 *   an entry that is not there (a reset of rows written before the index existed) is harmless.
 * - PostgreSQL: a GIN index over the tsvector of the same text.
 * Both split text into words at every character that is not a letter or a digit (an email
 * is three words: anna, kestrel, io) and match each word of the query as a prefix.
 */
export function dialectOf(db: ReadModelDb | ReadModelTransaction): ReadModelDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The words of a search, lowercased, as both indexes tokenise them. */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
}

/** PostgreSQL: the indexed expression, spelled once so the query matches the index. */
export const PG_SEARCH_VECTOR = sql`to_tsvector('simple', regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g'))`;

/** The FTS5 query: every word, quoted (no operator syntax from users), as a prefix. */
export function ftsMatch(words: readonly string[]): string {
  return words.map((word) => `"${word}"*`).join(' ');
}

/** The tsquery text: every word as a prefix, all required. Words hold letters and digits only. */
export function tsQuery(words: readonly string[]): RawBuilder<unknown> {
  return sql`to_tsquery('simple', ${words.map((word) => `${word}:*`).join(' & ')})`;
}

/** Creates the search index of `lead_list` (idempotent; runs after the table exists). */
export async function createLeadSearchIndex(db: ReadModelDb | ReadModelTransaction): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create index if not exists lead_list_search on lead_list using gin (${PG_SEARCH_VECTOR})`.execute(db);
    return;
  }
  await sql`create virtual table if not exists lead_list_fts using fts5(
    search_text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger if not exists lead_list_fts_insert after insert on lead_list begin
    insert into lead_list_fts (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger if not exists lead_list_fts_update after update of search_text on lead_list
    when old.search_text is not new.search_text begin
    delete from lead_list_fts where rowid = old.rowid;
    insert into lead_list_fts (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger if not exists lead_list_fts_delete after delete on lead_list begin
    delete from lead_list_fts where rowid = old.rowid;
  end`.execute(db);
}
