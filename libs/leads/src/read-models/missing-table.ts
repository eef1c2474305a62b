/**
 * PostgreSQL's undefined_table, or SQLite's "no such table": the leads context reads the
 * organisation's tables where they share a read-model database, and runs without them.
 */
export function isMissingTable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && message.includes('no such table'));
}
