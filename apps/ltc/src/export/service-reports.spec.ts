import { csat, olaAttainment, slaAttainment } from './service-reports.js';

describe('service analytics as export lines', () => {
  it('writes SLA, OLA and satisfaction per bucket as group, the distribution one column per score', () => {
    const figures = {
      tickets: 2,
      responses: 2,
      responsesOnTime: 1,
      responseOnTimeBp: 5000,
      resolutions: 1,
      resolutionsOnTime: 1,
      resolutionOnTimeBp: 10_000,
      responseBreaches: 1,
      resolutionBreaches: 0,
      atRisk: 0,
      breached: 1,
    };
    const sla = slaAttainment.records({
      groupBy: 'month',
      from: '2026-03-01',
      to: null,
      buckets: [{ bucket: '2026-03', ...figures }],
    });
    // The period and grouping first, the bucket as group, then every figure as the route gave it.
    expect(sla).toEqual([{ from: '2026-03-01', to: null, groupBy: 'month', group: '2026-03', ...figures }]);
    expect(Object.keys(sla[0] ?? {})).toEqual(slaAttainment.columns);
    const ola = olaAttainment.records({
      groupBy: 'line',
      buckets: [{ bucket: '2', tasks: 1, done: 1, doneOnTime: 0, onTimeBp: 0, overdueOpen: 0 }],
    });
    expect(ola).toEqual([
      { groupBy: 'line', group: '2', tasks: 1, done: 1, doneOnTime: 0, onTimeBp: 0, overdueOpen: 0 },
    ]);
    const [called] = csat.records({
      groupBy: 'group',
      buckets: [
        {
          bucket: null,
          callbacks: 2,
          averageSatisfactionHundredths: 450,
          distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 },
          closed: 2,
          reopened: 1,
          reopenRateBp: 5000,
        },
      ],
    });
    expect(called).toEqual({
      groupBy: 'group',
      group: null,
      callbacks: 2,
      averageSatisfactionHundredths: 450,
      satisfaction1: 0,
      satisfaction2: 0,
      satisfaction3: 0,
      satisfaction4: 1,
      satisfaction5: 1,
      closed: 2,
      reopened: 1,
      reopenRateBp: 5000,
    });
    expect(Object.keys(called ?? {})).toEqual(csat.columns);
  });
});
