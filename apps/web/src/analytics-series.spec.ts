import { funnelSeries, windowInWords } from './analytics-series';

const source = (name: string, captured: number, qualified: number, converted: number) => ({
  source: name,
  captured,
  qualified,
  converted,
  disqualified: 0,
  open: captured - converted,
  conversionRate: captured === 0 ? null : converted / captured,
  qualificationRate: captured === 0 ? null : qualified / captured,
  wonDeals: 0,
  wonValue: [],
  rank: 1,
  topDisqualifyReasons: [],
});

describe('The funnel by source as chart series', () => {
  it('keeps the API’s order and turns rates into percent with one decimal', () => {
    const series = funnelSeries({
      window: { from: null, before: null },
      average: {
        captured: 4,
        qualified: 2,
        converted: 1,
        disqualified: 0,
        open: 3,
        conversionRate: 0.25,
        qualificationRate: 0.5,
      },
      sources: [source('referral_customer', 3, 2, 1), source('website', 0, 0, 0)],
    } as never);
    expect(series).toEqual({
      sources: ['referral_customer', 'website'],
      captured: [3, 0],
      qualified: [2, 0],
      converted: [1, 0],
      conversionPercent: [33.3, null],
    });
  });

  it('says which window the figures cover', () => {
    expect(windowInWords({ from: null, before: null })).toBe('all time');
    expect(windowInWords({ from: '2026-01-01T00:00:00.000Z', before: null })).toBe('since 2026-01-01');
    expect(windowInWords({ from: '2026-01-01T00:00:00Z', before: '2026-02-01T00:00:00Z' })).toBe(
      '2026-01-01 to before 2026-02-01',
    );
  });
});
