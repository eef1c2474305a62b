import { conversionBy, groupOf, type FunnelLead } from './conversion-by.js';

const lead = (over: Partial<FunnelLead> = {}): FunnelLead => ({
  source: 'website',
  tier: 'A',
  firstMethod: 'round_robin',
  firstAssignedAt: '2026-03-02T09:00:00.000Z',
  firstContactAt: '2026-03-02T09:03:00.000Z',
  attempts: 1,
  converted: false,
  won: false,
  ...over,
});

describe('conversion by a property of the lead', () => {
  it('bands the first response at exactly 5 and 30 minutes after the first assignment', () => {
    const at = (minutes: number, seconds = 0) =>
      new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000 + seconds * 1000).toISOString();
    expect(groupOf(lead({ firstContactAt: at(5) }), 'response')).toBe('within_5_min');
    expect(groupOf(lead({ firstContactAt: at(5, 1) }), 'response')).toBe('5_to_30_min');
    expect(groupOf(lead({ firstContactAt: at(30) }), 'response')).toBe('5_to_30_min');
    expect(groupOf(lead({ firstContactAt: at(30, 1) }), 'response')).toBe('over_30_min');
    expect(groupOf(lead({ firstContactAt: null }), 'response')).toBe('not_contacted');
    expect(groupOf(lead({ firstAssignedAt: null, firstContactAt: null }), 'response')).toBe('not_assigned');
  });

  it('counts attempts 0 to 5 one by one and 6 or more together', () => {
    expect([0, 1, 5, 6, 11].map((attempts) => groupOf(lead({ attempts }), 'attempts'))).toEqual([
      '0',
      '1',
      '5',
      '6+',
      '6+',
    ]);
  });

  it('gives every tier, band or attempt count in order, empty ones too, with rates over the group’s leads', () => {
    const report = conversionBy(
      [
        lead({ tier: 'B', converted: true, won: true }),
        lead({ tier: 'B', converted: true }),
        lead({ tier: 'B' }),
        lead({ tier: null }),
      ],
      'tier',
    );
    expect(report.groups.map((g) => [g.group, g.leads, g.converted, g.won])).toEqual([
      ['A', 0, 0, 0],
      ['B', 3, 2, 1],
      ['C', 0, 0, 0],
      ['unscored', 1, 0, 0],
    ]);
    expect(report.groups[1]).toMatchObject({ conversionRate: 2 / 3, wonRate: 1 / 3 });
    expect(report.groups[0]).toMatchObject({ conversionRate: null, wonRate: null });
    expect(report.total).toMatchObject({ group: 'all', leads: 4, converted: 2, won: 1, conversionRate: 0.5 });
  });

  it('ranks sources by conversion, then by leads, then by name', () => {
    const report = conversionBy(
      [
        lead({ source: 'bought_list' }),
        lead({ source: 'referral', converted: true }),
        lead({ source: 'website', converted: true }),
        lead({ source: 'website' }),
        lead({ source: 'event' }),
      ],
      'source',
    );
    expect(report.groups.map((g) => g.group)).toEqual(['referral', 'website', 'bought_list', 'event']);
  });
});
