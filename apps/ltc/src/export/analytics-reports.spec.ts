import { analyticsReport, csvCells, reportPath } from './analytics-reports.js';

const report = (name: string) => {
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
    expect(reportPath(report('win-rate'), { by: 'team', pipeline: 'default' })).toBe(
      '/analytics/opportunities/win-rate?pipeline=default&by=team',
    );
    expect(reportPath(report('stage-velocity'), { pipeline: undefined, by: undefined })).toBe(
      '/analytics/opportunities/stage-velocity',
    );
  });

  it('writes one line per stage, per group when grouped, and the whole pipeline as group null otherwise', () => {
    const velocity = report('stage-velocity');
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
    const [line] = report('win-rate').records({
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
    const lengths = report('pipeline-length').records({
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
});
