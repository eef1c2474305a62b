import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { API_TARGET_OPTIONS, ApiRefusedError, apiErrorText, apiTargetOf, callApi } from '../cli/api-client.js';
import { count } from '../cli/progress.js';
import {
  ANALYTICS_REPORTS,
  csvCells,
  reportPath,
  type AnalyticsReport,
  type ReportRecord,
} from './analytics-reports.js';
import { openNew } from './output-file.js';

export const REPORT_EXPORT_HELP = `  ltc export ${ANALYTICS_REPORTS.map((r) => r.name).join('|')}
                    [--pipeline P] [--by source|team|ar] [--format csv|ndjson] [--out FILE]
                    [--url URL] [--token TOKEN]
      An analytics report as the API answers it (LTC_URL, LTC_TOKEN of a sales manager or
      an auditor), one line per stage and group (stage-velocity), per group (win-rate) or per
      grouping and group (pipeline-length: by source, pipeline and team). --pipeline and --by
      are the routes' own query parameters (stage-velocity and win-rate only); --format
      defaults to ndjson (csv: a header row, empty cells for null, loss reasons as JSON text).`;

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
      ? // Keys and names come from users (team ids, stage names): no cell may run as a spreadsheet formula.
        source.map(csvCells).pipe(stringify({ header: true, columns: [...report.columns], escape_formulas: true }))
      : source.map((record: ReportRecord) => `${JSON.stringify(record)}\n`);
  await pipeline(body, out, { end: command.out !== undefined });
  console.error(`${count(records.length)} ${report.name} lines exported${command.out ? ` to ${command.out}` : ''}`);
  return 0;
}

function parseReportArgs(report: AnalyticsReport, args: string[]): ReportExport | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        ...API_TARGET_OPTIONS,
        pipeline: { type: 'string' },
        by: { type: 'string' },
        format: { type: 'string', default: 'ndjson' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const filters: Record<string, string | undefined> = { pipeline: values.pipeline, by: values.by };
  const unsupported = Object.keys(filters).filter(
    (name) => filters[name] !== undefined && !report.filters.includes(name),
  );
  if (unsupported.length > 0) return `export ${report.name} takes no ${unsupported.map((n) => `--${n}`).join(', ')}`;
  if (values.format !== 'ndjson' && values.format !== 'csv') return '--format must be ndjson or csv';
  const target = apiTargetOf(values, 'ltc token --sub you --roles sales_manager');
  if (typeof target === 'string') return target;
  return { filters, format: values.format, out: values.out, target };
}
