/**
 * The analytics reports `ltc export <report>` writes, each read from its API route with the
 * route's own filters and flattened to one record per line: the figures a spreadsheet or a
 * notebook wants, without the nesting the JSON answer has.
 */

/** One exported line; an array or object value is written as JSON text in CSV. */
export type ReportRecord = Record<string, unknown>;

export interface AnalyticsReport {
  readonly name: string;
  readonly route: string;
  /** The query parameters the route takes, as the command's options of the same name. */
  readonly filters: readonly string[];
  /** The columns, in order (CSV's header; every record has exactly these keys). */
  readonly columns: readonly string[];
  readonly records: (answer: Record<string, unknown>) => ReportRecord[];
}

type Row = Record<string, unknown>;

const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

const STAGE_COLUMNS = [
  'stageId',
  'name',
  'deals',
  'completedVisits',
  'medianDays',
  'p90Days',
  'nextStageId',
  'convertedToNext',
  'conversionRate',
] as const;

const pick = (row: Row, columns: readonly string[]): ReportRecord =>
  Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));

const stageVelocity: AnalyticsReport = {
  name: 'stage-velocity',
  route: '/analytics/opportunities/stage-velocity',
  filters: ['pipeline', 'by'],
  columns: ['pipelineId', 'by', 'group', ...STAGE_COLUMNS],
  records(answer) {
    const head = { pipelineId: answer['pipelineId'] ?? null, by: answer['by'] ?? null };
    // Without a grouping, the pipeline's stages over every deal (group null); with one, per group.
    const groups =
      answer['groups'] === undefined ? [{ key: null, stages: answer['stages'] }] : rowsOf(answer['groups']);
    return groups.flatMap((group) =>
      rowsOf(group['stages']).map((stage) => ({ ...head, group: group['key'] ?? null, ...pick(stage, STAGE_COLUMNS) })),
    );
  },
};

const OUTCOME_COLUMNS = ['deals', 'open', 'won', 'lost', 'winRate', 'lossReasons'] as const;

const winRate: AnalyticsReport = {
  name: 'win-rate',
  route: '/analytics/opportunities/win-rate',
  filters: ['pipeline', 'by'],
  columns: ['pipelineId', 'by', 'group', ...OUTCOME_COLUMNS],
  records: (answer) =>
    rowsOf(answer['groups']).map((group) => ({
      pipelineId: answer['pipelineId'] ?? null,
      by: answer['by'] ?? null,
      group: group['key'] ?? null,
      ...pick(group, OUTCOME_COLUMNS),
    })),
};

const LENGTH_GROUPINGS = [
  ['source', 'bySource'],
  ['pipeline', 'byPipeline'],
  ['team', 'byTeam'],
] as const;

const pipelineLength: AnalyticsReport = {
  name: 'pipeline-length',
  route: '/analytics/deals/pipeline-length',
  filters: [],
  columns: ['by', 'group', 'count', 'medianDays', 'p90Days'],
  records: (answer) =>
    LENGTH_GROUPINGS.flatMap(([by, field]) =>
      rowsOf(answer[field]).map((line) => ({
        by,
        group: line['key'] ?? null,
        ...pick(line, ['count', 'medianDays', 'p90Days']),
      })),
    ),
};

export const ANALYTICS_REPORTS: readonly AnalyticsReport[] = [stageVelocity, winRate, pipelineLength];

export const analyticsReport = (name: string | undefined): AnalyticsReport | undefined =>
  ANALYTICS_REPORTS.find((report) => report.name === name);

/** The route with the filters given (and only those), in the report's order. */
export function reportPath(report: AnalyticsReport, filters: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const name of report.filters) {
    const value = filters[name];
    if (value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  return text === '' ? report.route : `${report.route}?${text}`;
}

/** A record as CSV cells: null as an empty cell, arrays and objects as JSON text. */
export function csvCells(record: ReportRecord): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      value === null || value === undefined
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : (value as string | number | boolean),
    ]),
  );
}
