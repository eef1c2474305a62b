import { pick, rowOf, rowsOf, type AnalyticsReport, type Row } from './report-shape.js';

/**
 * Service analytics (libs/service): SLA and OLA attainment and customer satisfaction per
 * bucket, rates in basis points as the routes give them. The bucket is written as `group`,
 * the same column as in every other report.
 */

const SERVICE_READER = 'service_manager';

const bucketLines = (answer: Row, columns: readonly string[], head: Row = {}) =>
  rowsOf(answer['buckets']).map((bucket) => ({
    ...head,
    groupBy: answer['groupBy'] ?? null,
    group: bucket['bucket'] ?? null,
    ...pick(bucket, columns),
  }));

const SLA_COLUMNS = [
  'tickets',
  'responses',
  'responsesOnTime',
  'responseOnTimeBp',
  'resolutions',
  'resolutionsOnTime',
  'resolutionOnTimeBp',
  'responseBreaches',
  'resolutionBreaches',
  'atRisk',
  'breached',
] as const;

export const slaAttainment: AnalyticsReport = {
  name: 'sla-attainment',
  route: '/analytics/service/sla',
  filters: ['from', 'to', 'groupBy'],
  usage: '[--group-by priority|line|group|category|month] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  lines: 'per bucket of tickets accepted in the period',
  role: SERVICE_READER,
  columns: ['from', 'to', 'groupBy', 'group', ...SLA_COLUMNS],
  records: (answer) => bucketLines(answer, SLA_COLUMNS, { from: answer['from'] ?? null, to: answer['to'] ?? null }),
};

const OLA_COLUMNS = ['tasks', 'done', 'doneOnTime', 'onTimeBp', 'overdueOpen'] as const;

export const olaAttainment: AnalyticsReport = {
  name: 'ola-attainment',
  route: '/analytics/service/ola',
  filters: ['groupBy'],
  usage: '[--group-by line|group|month|priority]',
  lines: 'per line or group of internal tasks',
  role: SERVICE_READER,
  columns: ['groupBy', 'group', ...OLA_COLUMNS],
  records: (answer) => bucketLines(answer, OLA_COLUMNS),
};

const SATISFACTIONS = ['1', '2', '3', '4', '5'] as const;

export const csat: AnalyticsReport = {
  name: 'csat',
  route: '/analytics/service/csat',
  filters: ['groupBy'],
  usage: '[--group-by group|category|engineer]',
  lines: 'per bucket, callbacks per satisfaction 1–5 as satisfaction1 … satisfaction5',
  role: SERVICE_READER,
  columns: [
    'groupBy',
    'group',
    'callbacks',
    'averageSatisfactionHundredths',
    ...SATISFACTIONS.map((score) => `satisfaction${score}`),
    'closed',
    'reopened',
    'reopenRateBp',
  ],
  records: (answer) =>
    rowsOf(answer['buckets']).map((bucket) => {
      const distribution = rowOf(bucket['distribution']);
      return {
        groupBy: answer['groupBy'] ?? null,
        group: bucket['bucket'] ?? null,
        ...pick(bucket, ['callbacks', 'averageSatisfactionHundredths']),
        // One column per score: a spreadsheet sums a column, not a JSON object.
        ...Object.fromEntries(SATISFACTIONS.map((score) => [`satisfaction${score}`, distribution[score] ?? 0])),
        ...pick(bucket, ['closed', 'reopened', 'reopenRateBp']),
      };
    }),
};
