import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { API_TARGET_OPTIONS, DEFAULT_API_URL, apiErrorText, apiTargetOf } from '../cli/api-client.js';
import { postPart, type ImportTarget, type ImportTotals, type RowResult } from './import-client.js';
import { Progress, count, rowsPerSecond } from '../cli/progress.js';
import { readRecords, type ImportFileFormat } from './record-splitter.js';

const DEFAULT_CHUNK_ROWS = 1_000;

export const LEADS_IMPORT_HELP = `  ltc leads import FILE [--url URL] [--token TOKEN] [--on-duplicate reject|touch]
                        [--idempotency-key KEY] [--format csv|ndjson] [--report FILE] [--chunk-size N]
      Import leads from a CSV file (header row naming the columns) or an NDJSON file (one
      lead per line) through POST /leads/import, in parts of --chunk-size rows (default
      ${DEFAULT_CHUNK_ROWS}); rows keep the file's numbering. --url defaults to $LTC_URL or
      ${DEFAULT_API_URL}, --token to $LTC_TOKEN (a sales_manager or admin token), --format
      to the file extension (.csv; .ndjson or .jsonl). The same --idempotency-key makes a re-run
      safe: rows already imported come back as they were, nothing is created twice.
      Progress and the summary go to stderr; rows that were not imported (duplicate,
      invalid, failed) go to stdout as NDJSON, or to --report FILE. Exit code 1 when a row
      was invalid or failed, or the import stopped; 0 when every row was created,
      a duplicate or touched.`;

/** Parts stay well under the API's 10 MiB body limit, however long the rows. */
const MAX_PART_CHARS = 4 * 1024 * 1024;

interface ImportCommand {
  readonly file: string;
  readonly target: ImportTarget;
  readonly report: string | undefined;
  readonly chunkRows: number;
}

/** `ltc leads <subcommand>` */
export async function leadsCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import') {
    console.error(`Unknown command "leads ${subcommand ?? ''}".\n\nUsage:\n${LEADS_IMPORT_HELP}`);
    return 2;
  }
  const command = parseImportArgs(rest);
  if (typeof command === 'string') {
    console.error(`${command}\n\nUsage:\n${LEADS_IMPORT_HELP}`);
    return 2;
  }
  return importLeads(command);
}

/** The command, or what is wrong with the arguments. */
function parseImportArgs(args: string[]): ImportCommand | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...API_TARGET_OPTIONS,
        'on-duplicate': { type: 'string', default: 'reject' },
        'idempotency-key': { type: 'string' },
        format: { type: 'string' },
        report: { type: 'string' },
        'chunk-size': { type: 'string', default: String(DEFAULT_CHUNK_ROWS) },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) return 'Give exactly one FILE to import';
  if (!existsSync(file)) return `No such file: ${file}`;
  const api = apiTargetOf(values, 'ltc token --sub you --roles sales_manager');
  if (typeof api === 'string') return api;
  const onDuplicate = values['on-duplicate'];
  if (onDuplicate !== 'reject' && onDuplicate !== 'touch') return '--on-duplicate must be reject or touch';
  const format = values.format ?? formatOfExtension(file);
  if (format !== 'csv' && format !== 'ndjson') {
    return values.format
      ? '--format must be csv or ndjson'
      : `Cannot tell the format of ${file} from its extension: add --format csv or --format ndjson`;
  }
  const chunkRows = Number(values['chunk-size']);
  if (!Number.isInteger(chunkRows) || chunkRows < 1 || chunkRows > 50_000) {
    return '--chunk-size must be a whole number from 1 to 50000';
  }
  return {
    file,
    target: { ...api, format, onDuplicate, idempotencyKey: values['idempotency-key'] },
    report: values.report,
    chunkRows,
  };
}

function formatOfExtension(file: string): ImportFileFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  return undefined;
}

async function importLeads(command: ImportCommand): Promise<number> {
  const { file, target } = command;
  const total = await countRows(file, target.format);
  if (total === 0) {
    console.error(`${file} has no data rows: nothing to import`);
    return 0;
  }
  const progress = new Progress(process.stderr, total);
  const report = openReport(command.report);
  const totals: ImportTotals = { rows: 0, created: 0, duplicate: 0, touched: 0, invalid: 0, failed: 0 };
  let header: string | undefined;
  let part: string[] = [];
  let partChars = 0;
  let firstRow = 1;

  const send = async (): Promise<void> => {
    const body = [...(header === undefined ? [] : [header]), ...part, ''].join('\n');
    const answer = await postPart(target, body, firstRow);
    for (const key of Object.keys(totals) as (keyof ImportTotals)[]) totals[key] += answer.totals[key];
    for (const result of answer.results) if (isProblem(result)) report.write(`${JSON.stringify(result)}\n`);
    progress.advance(part.length);
    firstRow += part.length;
    part = [];
    partChars = 0;
  };

  try {
    for await (const record of readRecords(file, target.format)) {
      if (target.format === 'csv' && header === undefined) {
        header = record;
        continue;
      }
      part.push(record);
      partChars += record.length + 1;
      if (part.length >= command.chunkRows || partChars >= MAX_PART_CHARS) await send();
    }
    if (part.length > 0) await send();
  } catch (error) {
    progress.finish();
    await report.close();
    // A part refused as a whole (bad header, auth, limits) or no answer: sending the rest would fare no better.
    const reason = apiErrorText(error) ?? error;
    console.error(`Import stopped at row ${firstRow} of ${count(total)}:`, reason);
    if (firstRow > 1) console.error('Rows before it were imported; re-run with the same --idempotency-key to resume.');
    return 1;
  }
  progress.finish();
  await report.close();
  console.error(summary(basename(file), totals, progress.elapsedMs));
  if (command.report) console.error(`Rows not imported: ${command.report}`);
  return totals.invalid + totals.failed > 0 ? 1 : 0;
}

async function countRows(file: string, format: ImportFileFormat): Promise<number> {
  let records = 0;
  for await (const _ of readRecords(file, format)) records++;
  return format === 'csv' ? Math.max(0, records - 1) : records;
}

/** Duplicates are listed too: each names the lead that already holds the email or phone. */
function isProblem(result: RowResult): boolean {
  return result.status === 'duplicate' || result.status === 'invalid' || result.status === 'failed';
}

function summary(file: string, totals: ImportTotals, elapsedMs: number): string {
  const rate = count(Math.round(rowsPerSecond(totals.rows, elapsedMs)));
  return [
    `${file}: ${count(totals.rows)} rows in ${(elapsedMs / 1000).toFixed(1)} s (${rate} rows/s)`,
    `  created ${count(totals.created)} · duplicate ${count(totals.duplicate)} · touched ${count(totals.touched)}` +
      ` · invalid ${count(totals.invalid)} · failed ${count(totals.failed)}`,
  ].join('\n');
}

interface ReportSink {
  write(line: string): void;
  close(): Promise<void>;
}

function openReport(path: string | undefined): ReportSink {
  if (!path) return { write: (line) => void process.stdout.write(line), close: async () => undefined };
  const stream: WriteStream = createWriteStream(path);
  return {
    write: (line) => void stream.write(line),
    close: () =>
      new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
