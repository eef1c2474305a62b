import { csvCells } from './analytics-reports.js';
import { distributionFairness, leadConversion, speedToLead } from './lead-reports.js';

describe('lead analytics as export lines', () => {
  const window = { from: '2026-03-01T00:00:00.000Z', before: null };
  const conversion = (group: string, leads: number, converted: number, won: number) => ({
    group,
    leads,
    converted,
    won,
    conversionRate: converted / leads,
    wonRate: won / leads,
  });

  it('writes lead conversion as the total line, then one line per group, with the window applied', () => {
    const report = leadConversion;
    const lines = report.records({
      window,
      by: 'attempts',
      total: conversion('all', 4, 2, 1),
      groups: [conversion('1', 3, 1, 0), conversion('6+', 1, 1, 1)],
    });
    const { group: _all, ...totals } = conversion('all', 4, 2, 1);
    expect(lines).toEqual([
      { ...window, by: 'attempts', total: true, group: null, ...totals },
      { ...window, by: 'attempts', total: false, ...conversion('1', 3, 1, 0) },
      { ...window, by: 'attempts', total: false, ...conversion('6+', 1, 1, 1) },
    ]);
    for (const line of lines) expect(Object.keys(line)).toEqual(report.columns);
    expect(csvCells(lines[0] ?? {})).toMatchObject({ before: '', total: 'true', group: '' });
    expect(csvCells(lines[1] ?? {})).toMatchObject({ total: 'false', group: '1' });
  });

  it('writes speed to lead per group after the total, each stamped with the grouping and the instant judged at', () => {
    const figures = (assignments: number) => ({
      assignments,
      contacted: 1,
      medianSeconds: 60,
      p90Seconds: 120,
      withinTarget: 1,
      withinTargetShare: 1,
      waiting: 0,
      overdue: 0,
    });
    const report = speedToLead;
    const lines = report.records({
      window,
      groupBy: 'team',
      asOf: '2026-03-04T00:00:00.000Z',
      percentileMethod: 'nearest-rank',
      total: figures(3),
      groups: [
        { key: 'north', ...figures(2) },
        { key: null, ...figures(1) },
      ],
    });
    expect(lines.map((l) => [l['total'], l['group'], l['assignments'], l['asOf']])).toEqual([
      [true, null, 3, '2026-03-04T00:00:00.000Z'],
      [false, 'north', 2, '2026-03-04T00:00:00.000Z'],
      [false, null, 1, '2026-03-04T00:00:00.000Z'],
    ]);
    for (const line of lines) expect(Object.keys(line)).toEqual(report.columns);
  });

  it('writes distribution fairness per rep with the method filter and the total', () => {
    const report = distributionFairness;
    const [line] = report.records({
      window,
      method: null,
      totalAssignments: 4,
      methods: [{ method: 'manual', assignments: 4, share: 1 }],
      reps: [
        {
          repId: 'ana',
          teamId: null,
          assignments: 4,
          share: 1,
          byMethod: [{ method: 'manual', assignments: 4 }],
          openLeads: 4,
          capacity: 3,
          utilisation: 4 / 3,
          overCapacity: true,
        },
      ],
      overCapacity: ['ana'],
    });
    expect(csvCells(line ?? {})).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      before: '',
      method: '',
      totalAssignments: 4,
      repId: 'ana',
      teamId: '',
      assignments: 4,
      share: 1,
      byMethod: '[{"method":"manual","assignments":4}]',
      openLeads: 4,
      capacity: 3,
      utilisation: 4 / 3,
      overCapacity: 'true',
    });
  });
});
