/**
 * What an analytics report `ltc export <report>` writes is: one API route, its filters, and
 * how its JSON answer flattens to one record per line (the shapes shared by every report).
 */

/** One exported line; an array or object value is written as JSON text in CSV. */
export type ReportRecord = Record<string, unknown>;

export interface AnalyticsReport {
  readonly name: string;
  readonly route: string;
  /** The query parameters the route takes, as the command's options (`groupBy` as `--group-by`). */
  readonly filters: readonly string[];
  /** The options line of the help, naming each filter's values. */
  readonly usage: string;
  /** What one line is, for the help. */
  readonly lines: string;
  /** A role the route admits, for the hint on how to get a token. */
  readonly role: string;
  /** The columns, in order (CSV's header; every record has exactly these keys). */
  readonly columns: readonly string[];
  readonly records: (answer: Record<string, unknown>) => ReportRecord[];
}

export type Row = Record<string, unknown>;

export const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

export const rowOf = (value: unknown): Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {};

/** The columns of a row in order, a missing one as null (so every line has every column). */
export const pick = (row: Row, columns: readonly string[]): ReportRecord =>
  Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
