import { parseCsv, CsvHeaderError } from './csv.parser.js';
import { parseNdjson } from './ndjson.parser.js';

/** The columns (CSV) or fields (NDJSON) an import row may carry: the fields of `POST /leads`. */
export const IMPORT_COLUMNS = [
  'name',
  'company',
  'contactPerson',
  'email',
  'phone',
  'source',
  'region',
  'language',
  'industry',
  'estimatedDealSize',
  /** CSV: the deal size exactly, in integer minor units of `currency` (NDJSON sends `dealSize` instead). */
  'dealSizeMinor',
  /** ISO 4217 code of the deal size (EUR when absent). */
  'currency',
  /** NDJSON: `{ amountMinor, currency }` as in `POST /leads`. */
  'dealSize',
  'direction',
  'notes',
  'team',
] as const;

/** Without these every row would be invalid, so a CSV header lacking them refuses the file. */
const REQUIRED_COLUMNS = ['name', 'source'] as const;

export type ImportFormat = 'csv' | 'ndjson';

/** Why a row was not imported, in the shape the validation pipe uses for request bodies. */
export interface RowError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** A data row as read from the file: the lead fields to validate, or why the row could not be read. */
export type ImportRow =
  | { readonly row: number; readonly input: Readonly<Record<string, unknown>> }
  | { readonly row: number; readonly errors: readonly RowError[] };

/** The file as a whole cannot be imported (a column we don't know, a header we can't read). */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'IMPORT_UNKNOWN_COLUMN' | 'IMPORT_MISSING_COLUMN' | 'IMPORT_MALFORMED',
    message: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Reads an import body into rows; `firstRow` is the number the body's first data row gets. */
export function readImportRows(text: string, format: ImportFormat, firstRow = 1): ImportRow[] {
  const rows = format === 'csv' ? rowsFromCsv(text) : rowsFromNdjson(text);
  return firstRow === 1 ? rows : rows.map((r) => ({ ...r, row: r.row + firstRow - 1 }));
}

function rowsFromCsv(text: string): ImportRow[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvHeaderError) throw new ImportFileError('IMPORT_MALFORMED', error.message);
    throw error;
  }
  if (table.columns.length > 0) checkColumns(table.columns);
  return table.rows.map((r) =>
    'error' in r
      ? { row: r.row, errors: [{ field: 'row', rule: r.error.rule, message: r.error.message }] }
      : { row: r.row, input: leadInputFromCells(r.values) },
  );
}

function rowsFromNdjson(text: string): ImportRow[] {
  return parseNdjson(text).map((r) => {
    if ('error' in r) return { row: r.row, errors: [{ field: 'row', rule: r.error.rule, message: r.error.message }] };
    if (Object.hasOwn(r.value, 'onDuplicate')) {
      // POST /leads takes it in the body; an import takes it once, for every row, as a query option.
      const message = 'onDuplicate is chosen for the whole import (query onDuplicate), not per row';
      return { row: r.row, errors: [{ field: 'onDuplicate', rule: 'unknownField', message }] };
    }
    // JSON.parse keeps these as own keys; turned into a DTO they would replace its prototype or constructor.
    const unsafe = UNSAFE_KEYS.find((key) => Object.hasOwn(r.value, key));
    if (unsafe) {
      return {
        row: r.row,
        errors: [{ field: unsafe, rule: 'unknownField', message: `${unsafe} is not a known field` }],
      };
    }
    return { row: r.row, input: r.value };
  });
}

function checkColumns(columns: readonly string[]): void {
  const known: readonly string[] = IMPORT_COLUMNS;
  for (const column of columns) {
    if (known.includes(column)) continue;
    const close = known.find((k) => k.toLowerCase() === column.toLowerCase());
    throw new ImportFileError(
      'IMPORT_UNKNOWN_COLUMN',
      `Unknown column "${column}"${close ? ` (did you mean "${close}"?)` : ''}; the columns are: ${known.join(', ')}`,
      column,
    );
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) {
      throw new ImportFileError('IMPORT_MISSING_COLUMN', `The header row has no "${column}" column`, column);
    }
  }
}

const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * CSV cells are all text: an empty cell means "no value" (as an absent JSON field), a
 * number-looking `estimatedDealSize` becomes a number, and `dealSizeMinor` with `currency`
 * becomes `dealSize`. Anything else is passed on as
 * written, so the same rules as `POST /leads` judge it (and name it when it's wrong).
 */
function leadInputFromCells(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(values)) {
    if (cell.trim() === '') continue;
    input[column] = column === 'estimatedDealSize' && NUMBER.test(cell) ? Number(cell) : cell;
  }
  const minor = input['dealSizeMinor'];
  if (minor !== undefined) {
    // Exact columns become the body's `dealSize`; `currency` then belongs to it.
    const amountMinor = typeof minor === 'string' && NUMBER.test(minor) ? Number(minor) : minor;
    input['dealSize'] = { amountMinor, currency: input['currency'] ?? 'EUR' };
    delete input['dealSizeMinor'];
    delete input['currency'];
  }
  return input;
}
