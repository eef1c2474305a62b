/**
 * A small RFC 4180 reader for lead imports: a header row naming the columns, then one
 * record per data row. Quoted fields may hold commas, doubled quotes and line breaks;
 * a leading BOM and CRLF line ends are tolerated. Empty lines are skipped and not
 * counted. A problem confined to one record (wrong number of fields, a quote never
 * closed, text after a closing quote) is reported on that row, so the other rows
 * still import; a problem with the header refuses the whole file (`CsvHeaderError`).
 */

export interface CsvTable {
  /** Column names from the header row, trimmed. Empty for an empty file. */
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** One data row: its values by column name, or why it could not be read. `row` counts data rows from 1. */
export type CsvRow =
  | { readonly row: number; readonly values: Readonly<Record<string, string>> }
  | { readonly row: number; readonly error: CsvRowError };

export interface CsvRowError {
  readonly rule: 'columnCount' | 'quoting';
  readonly message: string;
}

/** The header row cannot name the columns (a column without a name, a name used twice, broken quoting). */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvHeaderError';
  }
}

interface CsvRecord {
  readonly fields: string[];
  readonly blank: boolean;
  readonly error: string | undefined;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

export function parseCsv(text: string): CsvTable {
  let header: readonly string[] | undefined;
  const rows: CsvRow[] = [];
  for (const record of readRecords(text)) {
    if (record.blank) continue;
    if (!header) {
      header = headerOf(record);
      continue;
    }
    rows.push(toRow(header, record, rows.length + 1));
  }
  return { columns: header ?? [], rows };
}

function headerOf(record: CsvRecord): string[] {
  if (record.error) throw new CsvHeaderError(`The header row cannot be read: ${record.error}`);
  const columns = record.fields.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === '') throw new CsvHeaderError(`Column ${index + 1} of the header row has no name`);
    if (seen.has(name)) throw new CsvHeaderError(`Column "${name}" appears more than once in the header row`);
    seen.add(name);
  });
  return columns;
}

function toRow(columns: readonly string[], record: CsvRecord, row: number): CsvRow {
  if (record.error) return { row, error: { rule: 'quoting', message: record.error } };
  if (record.fields.length !== columns.length) {
    return {
      row,
      error: {
        rule: 'columnCount',
        message: `Expected ${columns.length} fields as in the header row, found ${record.fields.length}`,
      },
    };
  }
  // fromEntries defines own properties, so a column named "__proto__" stays a plain key.
  return { row, values: Object.fromEntries(columns.map((name, i) => [name, record.fields[i] ?? ''])) };
}

/** Splits the text into records, field by field, in one pass. */
function* readRecords(text: string): Generator<CsvRecord> {
  const end = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  while (i < end) {
    const fields: string[] = [];
    let error: string | undefined;
    let quotedAny = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        quotedAny = true;
        const quoted = readQuoted(text, i + 1);
        value = quoted.value;
        i = quoted.next;
        if (!quoted.closed) error ??= 'A quoted field is never closed (a " is missing)';
        const stray = unquotedUntilSeparator(text, i);
        if (stray.value !== '') {
          error ??= `Unexpected text after a closing quote: ${JSON.stringify(stray.value.slice(0, 20))}`;
          value += stray.value;
        }
        i = stray.next;
      } else {
        // A quote inside an unquoted field is kept as a character, as most spreadsheets write it.
        const plain = unquotedUntilSeparator(text, i);
        value = plain.value;
        i = plain.next;
      }
      fields.push(value);
      if (i < end && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      // Line end (LF, or CR LF) or end of text: the record is complete.
      if (text.charCodeAt(i) === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      break;
    }
    yield { fields, blank: !quotedAny && fields.length === 1 && fields[0] === '', error };
  }
}

/** From just after an opening quote to just after its closing quote; `""` is one quote character. */
function readQuoted(text: string, start: number): { value: string; next: number; closed: boolean } {
  let value = '';
  let from = start;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return { value: value + text.slice(from), next: text.length, closed: false };
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    return { value: value + text.slice(from, quote), next: quote + 1, closed: true };
  }
}

/** Up to the next comma or line end (a CR counts only when an LF follows it). */
function unquotedUntilSeparator(text: string, start: number): { value: string; next: number } {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF) break;
    if (c === CR && text.charCodeAt(i + 1) === LF) break;
  }
  return { value: text.slice(start, i), next: i };
}
