/**
 * The analytics reports `ltc export <report>` writes, each read from its API route with the
 * route's own filters and flattened to one record per line: the figures a spreadsheet or a
 * notebook wants, without the nesting the JSON answer has.
 */
import { pipelineLength, stageVelocity, winRate } from './deal-reports.js';
import { distributionFairness, leadConversion, speedToLead } from './lead-reports.js';
import type { AnalyticsReport, ReportRecord } from './report-shape.js';
import { csat, olaAttainment, slaAttainment } from './service-reports.js';

export type { AnalyticsReport, ReportRecord } from './report-shape.js';

export const ANALYTICS_REPORTS: readonly AnalyticsReport[] = [
  stageVelocity,
  winRate,
  pipelineLength,
  leadConversion,
  speedToLead,
  distributionFairness,
  slaAttainment,
  olaAttainment,
  csat,
];

export const analyticsReport = (name: string | undefined): AnalyticsReport | undefined =>
  ANALYTICS_REPORTS.find((report) => report.name === name);

/** The command's option for a route's query parameter: `groupBy` is `--group-by`. */
export const optionOf = (filter: string): string => filter.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Every filter some report takes, once each, in the order the reports name them. */
export const REPORT_FILTERS: readonly string[] = [...new Set(ANALYTICS_REPORTS.flatMap((report) => report.filters))];

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

/**
 * A record as CSV cells: null as an empty cell, arrays and objects as JSON text, a boolean as
 * true or false (csv-stringify would write 1 and an empty cell, which reads as null).
 */
export function csvCells(record: ReportRecord): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      value === null || value === undefined
        ? ''
        : typeof value === 'object' || typeof value === 'boolean'
          ? JSON.stringify(value)
          : (value as string | number),
    ]),
  );
}
