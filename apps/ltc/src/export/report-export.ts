import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { API_TARGET_OPTIONS, ApiRefusedError, apiErrorText, apiTargetOf, callApi } from '../cli/api-client.js';
import { count } from '../cli/progress.js';
import {
  ANALYTICS_REPORTS,
  REPORT_FILTERS,
  csvCells,
  optionOf,
  reportPath,
  type AnalyticsReport,
  type ReportRecord,
} from './analytics-reports.js';
import { openNew } from './output-file.js';

const reportUsage = (report: AnalyticsReport): string =>
  `    ${report.name}${report.usage === '' ? '' : ` ${report.usage}`}\n        one line ${report.lines}`;

export const REPORT_EXPORT_HELP = `  ltc export <report> [filters] [--format csv|ndjson] [--out FILE] [--url URL] [--token TOKEN]
      An analytics report as its API route answers it (LTC_URL, LTC_TOKEN of a manager or an
      auditor), flattened to one line per group. The filters are the route's own query
      parameters (--group-by for groupBy; a value the route refuses exits 2); --format defaults
      to ndjson (csv: a header row, empty cells for null, nested lists as JSON text). Reports:
${ANALYTICS_REPORTS.map(reportUsage).join('\n')}`;

interface ReportExport {
  readonly filters: Record<string, string | undefined>;
  readonly format: 'ndjson' | 'csv';
  readonly out: string | undefined;
  readonly target: { url: string; token: string };
}

/** `ltc export <report>`: one GET of the report's route, written as NDJSON or CSV. */
export async function exportReport(report: AnalyticsReport, args: string[], usage: string): Promise<number> {
  const command = parseReportArgs(report, args);
  if (typeof command === 'string') {
    console.error(`${command}\n\nUsage:\n${usage}`);
    return 2;
  }
  let answer: unknown;
  try {
    ({ body: answer } = await callApi(command.target, reportPath(report, command.filters)));
  } catch (error) {
    const text = apiErrorText(error);
    if (text === undefined) throw error;
    console.error(text);
    // A filter the route refuses is the caller's mistake, like a bad option.
    return error instanceof ApiRefusedError && error.status === 400 ? 2 : 1;
  }
  const records = report.records(typeof answer === 'object' && answer !== null ? (answer as ReportRecord) : {});
  let out: Writable;
  try {
    out = command.out === undefined ? process.stdout : await openNew(command.out);
  } catch (error) {
    console.error(`--out ${command.out ?? ''}: ${(error as Error).message}`);
    return 2;
  }
  const source = Readable.from(records);
  const body =
    command.format === 'csv'
      ? // Keys and names come from users (team ids, stage names, categories): no cell may run as a spreadsheet formula.
        source.map(csvCells).pipe(stringify({ header: true, columns: [...report.columns], escape_formulas: true }))
      : source.map((record: ReportRecord) => `${JSON.stringify(record)}\n`);
  await pipeline(body, out, { end: command.out !== undefined });
  console.error(`${count(records.length)} ${report.name} lines exported${command.out ? ` to ${command.out}` : ''}`);
  return 0;
}

/** One string option per filter any report takes; a report refuses the ones it does not. */
const FILTER_OPTIONS = Object.fromEntries(
  REPORT_FILTERS.map((name) => [optionOf(name), { type: 'string' as const }]),
) as Record<string, { type: 'string' }>;

function parseReportArgs(report: AnalyticsReport, args: string[]): ReportExport | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        ...API_TARGET_OPTIONS,
        ...FILTER_OPTIONS,
        format: { type: 'string', default: 'ndjson' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const given = values as Record<string, string | undefined>;
  const filters = Object.fromEntries(REPORT_FILTERS.map((name) => [name, given[optionOf(name)]]));
  const unsupported = Object.keys(filters).filter(
    (name) => filters[name] !== undefined && !report.filters.includes(name),
  );
  if (unsupported.length > 0) {
    return `export ${report.name} takes no ${unsupported.map((name) => `--${optionOf(name)}`).join(', ')}`;
  }
  if (values.format !== 'ndjson' && values.format !== 'csv') return '--format must be ndjson or csv';
  const target = apiTargetOf(values, `ltc token --sub you --roles ${report.role}`);
  if (typeof target === 'string') return target;
  return { filters, format: values.format, out: values.out, target };
}
