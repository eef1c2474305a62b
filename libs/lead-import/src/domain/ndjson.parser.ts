/**
 * Newline-delimited JSON for lead imports: one JSON object per line. Blank lines are
 * skipped and not counted; a leading BOM and CRLF line ends are tolerated. A line that
 * is not a JSON object is reported on its row, so the other rows still import.
 */

/** One data row: the object on its line, or why it is not one. `row` counts non-blank lines from 1. */
export type NdjsonRow =
  | { readonly row: number; readonly value: Readonly<Record<string, unknown>> }
  | { readonly row: number; readonly error: NdjsonRowError };

export interface NdjsonRowError {
  readonly rule: 'json' | 'notAnObject';
  readonly message: string;
}

export function parseNdjson(text: string): NdjsonRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: NdjsonRow[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    rows.push(toRow(line, rows.length + 1));
  }
  return rows;
}

function toRow(line: string, row: number): NdjsonRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { row, error: { rule: 'json', message: `Not valid JSON: ${(error as Error).message}` } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { row, error: { rule: 'notAnObject', message: `Each line must be a JSON object, found ${kind}` } };
  }
  return { row, value: value as Record<string, unknown> };
}
