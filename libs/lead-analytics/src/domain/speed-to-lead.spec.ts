import { responseOutcome, speedToLeadByGroup, speedToLeadFigures, type ResponseFact } from './speed-to-lead.js';

const NOW = new Date('2026-03-02T12:00:00.000Z');

/** An assignment due at `due`; contacted after `seconds` (by the due time or not) or not at all. */
function fact(overrides: Partial<ResponseFact> & { key?: string | null } = {}): ResponseFact {
  return {
    key: 'website',
    responseDueAt: '2026-03-02T09:05:00.000Z',
    firstContactAt: null,
    secondsToFirstContact: null,
    withinTarget: null,
    endedAt: null,
    ...overrides,
  };
}

const contacted = (seconds: number, withinTarget: boolean, key: string | null = 'website'): ResponseFact =>
  fact({ key, firstContactAt: '2026-03-02T09:01:00.000Z', secondsToFirstContact: seconds, withinTarget });

describe('Speed to lead › outcome of an assignment', () => {
  it('is met or late once contacted, whatever the clock says', () => {
    expect(responseOutcome(contacted(60, true), NOW)).toBe('met');
    expect(responseOutcome(contacted(900, false), NOW)).toBe('late');
  });

  it('is overdue when waiting past the due time, pending before it', () => {
    expect(responseOutcome(fact(), NOW)).toBe('overdue');
    expect(responseOutcome(fact({ responseDueAt: '2026-03-02T12:00:00.000Z' }), NOW)).toBe('pending');
    expect(responseOutcome(fact({ responseDueAt: '2026-03-02T12:05:00.000Z' }), NOW)).toBe('pending');
  });

  it('is missed when it left its owner uncontacted after the due time, dropped before', () => {
    expect(responseOutcome(fact({ endedAt: '2026-03-02T09:30:00.000Z' }), NOW)).toBe('missed');
    expect(responseOutcome(fact({ endedAt: '2026-03-02T09:02:00.000Z' }), NOW)).toBe('dropped');
  });
});

describe('Speed to lead › figures', () => {
  it('are empty but well-formed with no assignments', () => {
    expect(speedToLeadFigures([], NOW)).toEqual({
      assignments: 0,
      contacted: 0,
      medianSeconds: null,
      p90Seconds: null,
      withinTarget: 0,
      withinTargetShare: null,
      waiting: 0,
      overdue: 0,
    });
  });

  it('take nearest-rank median and p90 over contacted assignments only, and share met over decided ones', () => {
    const facts = [
      contacted(120, true),
      contacted(30, true),
      contacted(60, true),
      contacted(60, true),
      contacted(200_000, false),
      contacted(120, true),
      fact(), // overdue
      fact({ responseDueAt: '2026-03-02T12:05:00.000Z' }), // pending: left out of the share
      fact({ endedAt: '2026-03-02T09:30:00.000Z' }), // missed
      fact({ endedAt: '2026-03-02T09:01:00.000Z' }), // dropped: left out of the share
    ];
    expect(speedToLeadFigures(facts, NOW)).toEqual({
      assignments: 10,
      contacted: 6,
      medianSeconds: 60,
      p90Seconds: 200_000,
      withinTarget: 5,
      withinTargetShare: 5 / 8,
      waiting: 2,
      overdue: 1,
    });
  });

  it('groups by key, sorted, with the no-team group last, and totals over everything', () => {
    const report = speedToLeadByGroup(
      [contacted(10, true, 'north'), contacted(30, false, null), fact({ key: 'north' }), contacted(20, true, 'east')],
      NOW,
    );
    expect(report.groups.map((g) => [g.key, g.assignments, g.medianSeconds])).toEqual([
      ['east', 1, 20],
      ['north', 2, 10],
      [null, 1, 30],
    ]);
    expect(report.total).toMatchObject({ assignments: 4, contacted: 3, medianSeconds: 20, overdue: 1 });
  });
});
