import { createReadStream } from 'node:fs';

export type ImportFileFormat = 'csv' | 'ndjson';

type CsvState = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

const LF = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Cuts CSV or NDJSON text into records as it arrives in pieces, so a large file can be
 * sent in parts without splitting a quoted CSV field that holds a line break. It only
 * finds record boundaries; the server reads the fields. It counts records as the server
 * does: a CSV quote opens a quoted field only at the start of a field, a leading BOM and
 * the CR of a CRLF line end are dropped, and empty lines (whitespace-only for NDJSON)
 * are skipped.
 */
export class RecordSplitter {
  private state: CsvState = 'fieldStart';
  private partial = '';
  private started = false;

  constructor(private readonly format: ImportFileFormat) {}

  /** The records completed by this piece of text. */
  push(piece: string): string[] {
    let text = piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: string[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF && this.state !== 'quoted') {
        this.emit(records, this.partial + text.slice(from, i), true);
        this.partial = '';
        from = i + 1;
        this.state = 'fieldStart';
      } else if (this.format === 'csv') {
        this.state = nextState(this.state, c);
      }
    }
    this.partial += text.slice(from);
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[] {
    const records: string[] = [];
    this.emit(records, this.partial, false);
    this.partial = '';
    return records;
  }

  private emit(records: string[], raw: string, beforeLf: boolean): void {
    const record = beforeLf && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const blank = this.format === 'csv' ? record === '' : record.trim() === '';
    if (!blank) records.push(record);
  }
}

function nextState(state: CsvState, c: number): CsvState {
  switch (state) {
    case 'fieldStart':
      return c === QUOTE ? 'quoted' : c === COMMA ? 'fieldStart' : 'unquoted';
    case 'unquoted':
      return c === COMMA ? 'fieldStart' : 'unquoted';
    case 'quoted':
      return c === QUOTE ? 'quoteInQuoted' : 'quoted';
    case 'quoteInQuoted':
      // `""` is an escaped quote; anything else closed the field.
      return c === QUOTE ? 'quoted' : c === COMMA ? 'fieldStart' : 'unquoted';
  }
}

/** The non-blank records of a file, read as a stream. */
export async function* readRecords(path: string, format: ImportFileFormat): AsyncGenerator<string> {
  const splitter = new RecordSplitter(format);
  for await (const piece of createReadStream(path, { encoding: 'utf8' })) {
    yield* splitter.push(piece as string);
  }
  yield* splitter.end();
}
