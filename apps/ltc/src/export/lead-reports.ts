import { pick, rowOf, rowsOf, type AnalyticsReport, type ReportRecord, type Row } from './report-shape.js';

/**
 * Lead analytics (libs/lead-analytics): conversion by a property of the lead, speed to lead and
 * distribution fairness. Each line repeats the window the route applied (`before` is exclusive).
 */

const LEAD_READER = 'sales_manager';
const WINDOW_FILTERS = ['from', 'to'] as const;
const WINDOW_USAGE = '[--from ISO] [--to ISO]';

const windowOf = (answer: Row) => {
  const window = rowOf(answer['window']);
  return { from: window['from'] ?? null, before: window['before'] ?? null };
};

/**
 * The line over everything (total true, group null) first, then one per group: a median or a
 * share over all of them is not the sum of the groups', so the total is written as the route
 * computed it.
 */
const totalThenGroups = (answer: Row, keyField: string, line: (figures: Row) => ReportRecord): ReportRecord[] => [
  { ...line(rowOf(answer['total'])), total: true, group: null },
  ...rowsOf(answer['groups']).map((group) => ({ ...line(group), total: false, group: group[keyField] ?? null })),
];

/** The columns before the figures, in order; total and group are filled in by `totalThenGroups`. */
const headOf = (answer: Row, grouping: string, extra: Row = {}): Row => ({
  ...windowOf(answer),
  [grouping]: answer[grouping] ?? null,
  ...extra,
  total: null,
  group: null,
});

const CONVERSION_COLUMNS = ['leads', 'converted', 'won', 'conversionRate', 'wonRate'] as const;

export const leadConversion: AnalyticsReport = {
  name: 'lead-conversion',
  route: '/analytics/leads/conversion',
  filters: [...WINDOW_FILTERS, 'by'],
  usage: `[--by source|tier|method|response|attempts] ${WINDOW_USAGE}`,
  lines: 'per group of leads captured in the window, after the total (total true, group null)',
  role: LEAD_READER,
  columns: ['from', 'before', 'by', 'total', 'group', ...CONVERSION_COLUMNS],
  records: (answer) =>
    totalThenGroups(answer, 'group', (figures) => ({
      ...headOf(answer, 'by'),
      ...pick(figures, CONVERSION_COLUMNS),
    })),
};

const SPEED_COLUMNS = [
  'assignments',
  'contacted',
  'medianSeconds',
  'p90Seconds',
  'withinTarget',
  'withinTargetShare',
  'waiting',
  'overdue',
] as const;

export const speedToLead: AnalyticsReport = {
  name: 'speed-to-lead',
  route: '/analytics/leads/speed-to-lead',
  filters: [...WINDOW_FILTERS, 'source', 'rep', 'team', 'groupBy'],
  usage: `[--group-by source|rep|team] [--source S] [--rep R] [--team T]\n        ${WINDOW_USAGE}`,
  lines: 'per group of assignments made in the window, after the total (total true, group null)',
  role: LEAD_READER,
  columns: ['from', 'before', 'groupBy', 'asOf', 'total', 'group', ...SPEED_COLUMNS],
  records: (answer) =>
    totalThenGroups(answer, 'key', (figures) => ({
      ...headOf(answer, 'groupBy', { asOf: answer['asOf'] ?? null }),
      ...pick(figures, SPEED_COLUMNS),
    })),
};

const REP_COLUMNS = [
  'repId',
  'teamId',
  'assignments',
  'share',
  'byMethod',
  'openLeads',
  'capacity',
  'utilisation',
  'overCapacity',
] as const;

export const distributionFairness: AnalyticsReport = {
  name: 'distribution-fairness',
  route: '/analytics/leads/distribution',
  filters: [...WINDOW_FILTERS, 'method'],
  usage: `[--method M] ${WINDOW_USAGE}`,
  lines: 'per rep, assignments per method as JSON text in CSV',
  role: LEAD_READER,
  columns: ['from', 'before', 'method', 'totalAssignments', ...REP_COLUMNS],
  records: (answer) =>
    rowsOf(answer['reps']).map((rep) => ({
      ...windowOf(answer),
      method: answer['method'] ?? null,
      totalAssignments: answer['totalAssignments'] ?? null,
      ...pick(rep, REP_COLUMNS),
    })),
};
