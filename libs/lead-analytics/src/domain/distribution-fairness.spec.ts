import { distributionFairness } from './distribution-fairness.js';

describe('Distribution fairness', () => {
  const reps = [
    { repId: 'ana', teamId: 'north', maxOpenLeads: 3, active: true },
    { repId: 'bo', teamId: 'north', maxOpenLeads: 10, active: true },
    { repId: 'cleo', teamId: null, maxOpenLeads: 5, active: true },
    { repId: 'dan', teamId: null, maxOpenLeads: 5, active: false },
  ];

  it('shares assignments per rep and method, sets open leads against capacity and flags overload', () => {
    const report = distributionFairness({
      counts: [
        { repId: 'ana', method: 'round_robin', count: 3 },
        { repId: 'ana', method: 'manual', count: 1 },
        { repId: 'bo', method: 'round_robin', count: 3 },
        { repId: 'ghost', method: 'cherry_pick', count: 1 },
      ],
      reps,
      openLeads: new Map([
        ['ana', 4],
        ['bo', 3],
        ['ghost', 1],
      ]),
    });
    expect(report.totalAssignments).toBe(8);
    expect(report.methods).toEqual([
      { method: 'round_robin', assignments: 6, share: 0.75 },
      { method: 'cherry_pick', assignments: 1, share: 0.125 },
      { method: 'manual', assignments: 1, share: 0.125 },
    ]);
    expect(report.reps.map((r) => r.repId)).toEqual(['ana', 'bo', 'ghost', 'cleo']);
    expect(report.reps[0]).toEqual({
      repId: 'ana',
      teamId: 'north',
      assignments: 4,
      share: 0.5,
      byMethod: [
        { method: 'round_robin', assignments: 3 },
        { method: 'manual', assignments: 1 },
      ],
      openLeads: 4,
      capacity: 3,
      utilisation: 4 / 3,
      overCapacity: true,
    });
    expect(report.reps.find((r) => r.repId === 'ghost')).toMatchObject({ capacity: null, utilisation: null });
    expect(report.reps.find((r) => r.repId === 'cleo')).toMatchObject({
      assignments: 0,
      share: 0,
      openLeads: 0,
      utilisation: 0,
      overCapacity: false,
    });
    expect(report.overCapacity).toEqual(['ana']);
  });

  it('lists inactive reps only when they have something to show, and null shares with no assignments', () => {
    const idle = distributionFairness({ counts: [], reps, openLeads: new Map() });
    expect(idle.reps.map((r) => r.repId)).toEqual(['ana', 'bo', 'cleo']);
    expect(idle.reps[0]?.share).toBeNull();
    expect(idle.methods).toEqual([]);
    const holding = distributionFairness({ counts: [], reps, openLeads: new Map([['dan', 6]]) });
    expect(holding.reps.map((r) => r.repId)).toEqual(['ana', 'bo', 'cleo', 'dan']);
    expect(holding.reps[3]).toMatchObject({ repId: 'dan', openLeads: 6, overCapacity: true });
    expect(holding.overCapacity).toEqual(['dan']);
  });
});
