import { ANALYTICS_REPORTS, analyticsReport, csvCells, optionOf, reportPath } from './analytics-reports.js';

const reportNamed = (name: string) => {
  const found = analyticsReport(name);
  if (!found) throw new Error(`no report ${name}`);
  return found;
};

const stage = (stageId: string, deals: number) => ({
  stageId,
  name: stageId,
  deals,
  completedVisits: deals,
  medianDays: 1,
  p90Days: 2,
  nextStageId: null,
  convertedToNext: 0,
  conversionRate: null,
});

describe('analytics reports as export lines', () => {
  it('asks the route with only the filters given, in order', () => {
    expect(reportPath(reportNamed('win-rate'), { by: 'team', pipeline: 'default' })).toBe(
      '/analytics/opportunities/win-rate?pipeline=default&by=team',
    );
    expect(reportPath(reportNamed('stage-velocity'), { pipeline: undefined, by: undefined })).toBe(
      '/analytics/opportunities/stage-velocity',
    );
  });

  it('writes one line per stage, per group when grouped, and the whole pipeline as group null otherwise', () => {
    const velocity = reportNamed('stage-velocity');
    const whole = velocity.records({ pipelineId: 'default', stages: [stage('qualify', 3)], bySource: [] });
    expect(whole).toEqual([{ pipelineId: 'default', by: null, group: null, ...stage('qualify', 3) }]);
    const grouped = velocity.records({
      pipelineId: 'default',
      by: 'team',
      stages: [stage('qualify', 3)],
      groups: [
        { key: 'north', deals: 2, stages: [stage('qualify', 2), stage('won', 1)] },
        { key: null, deals: 1, stages: [stage('qualify', 1)] },
      ],
    });
    expect(grouped.map((r) => [r['group'], r['stageId'], r['deals']])).toEqual([
      ['north', 'qualify', 2],
      ['north', 'won', 1],
      [null, 'qualify', 1],
    ]);
    expect(Object.keys(grouped[0] ?? {})).toEqual(velocity.columns);
  });

  it('writes win rate per group and pipeline length per grouping, with loss reasons as JSON text in CSV', () => {
    const [line] = reportNamed('win-rate').records({
      pipelineId: null,
      by: 'ar',
      groups: [
        {
          key: 'ana',
          deals: 2,
          open: 0,
          won: 1,
          lost: 1,
          winRate: 0.5,
          lossReasons: [{ reasonCode: 'price', count: 1 }],
        },
      ],
    });
    expect(csvCells(line ?? {})).toEqual({
      pipelineId: '',
      by: 'ar',
      group: 'ana',
      deals: 2,
      open: 0,
      won: 1,
      lost: 1,
      winRate: 0.5,
      lossReasons: '[{"reasonCode":"price","count":1}]',
    });
    const lengths = reportNamed('pipeline-length').records({
      bySource: [{ key: 'webinar', count: 1, medianDays: 30, p90Days: 30 }],
      byPipeline: [{ key: 'default', count: 1, medianDays: 30, p90Days: 30 }],
      byTeam: [{ key: null, count: 1, medianDays: 30, p90Days: 30 }],
    });
    expect(lengths.map((r) => [r['by'], r['group']])).toEqual([
      ['source', 'webinar'],
      ['pipeline', 'default'],
      ['team', null],
    ]);
  });

  it('asks the service routes with groupBy, given on the command line as --group-by', () => {
    expect(optionOf('groupBy')).toBe('group-by');
    expect(reportPath(reportNamed('sla-attainment'), { groupBy: 'month', from: '2026-03-01', by: undefined })).toBe(
      '/analytics/service/sla?from=2026-03-01&groupBy=month',
    );
    expect(reportPath(reportNamed('lead-conversion'), { by: 'attempts', to: '2026-03-31' })).toBe(
      '/analytics/leads/conversion?to=2026-03-31&by=attempts',
    );
  });

  it('names every filter of every report in its help, an empty answer gives no line', () => {
    for (const report of ANALYTICS_REPORTS) {
      for (const filter of report.filters)
        expect({ report: report.name, usage: report.usage }).toEqual({
          report: report.name,
          usage: expect.stringContaining(`--${optionOf(filter)} `),
        });
      if (!['lead-conversion', 'speed-to-lead'].includes(report.name)) expect(report.records({})).toEqual([]);
    }
  });
});
