import { rankSources, type SourceFunnel } from './conversion-by-source.js';

const funnel = (source: string, captured: number, qualified: number, converted: number, disqualified = 0) =>
  ({ source, captured, qualified, converted, disqualified, reasons: [] }) satisfies SourceFunnel;

describe('Conversion by source › ranking', () => {
  it('ranks by conversion rate, then by more leads, then by name', () => {
    const { sources } = rankSources([
      funnel('lead_list', 50, 5, 2),
      funnel('website', 40, 16, 10),
      funnel('referral_customer', 8, 4, 2),
      funnel('webinar', 20, 2, 1),
      funnel('event', 20, 3, 1),
    ]);
    expect(sources.map((s) => [s.rank, s.source, s.conversionRate])).toEqual([
      [1, 'website', 0.25],
      [2, 'referral_customer', 0.25],
      [3, 'event', 0.05],
      [4, 'webinar', 0.05],
      [5, 'lead_list', 0.04],
    ]);
  });

  it('gives rates, open leads, and the pooled tenant average (not a mean of rates)', () => {
    const { sources, average } = rankSources([funnel('website', 10, 4, 3, 5), funnel('lead_list', 90, 9, 1, 40)]);
    expect(sources[0]).toMatchObject({
      source: 'website',
      captured: 10,
      qualified: 4,
      converted: 3,
      disqualified: 5,
      open: 2,
      conversionRate: 0.3,
      qualificationRate: 0.4,
    });
    expect(average).toEqual({
      captured: 100,
      qualified: 13,
      converted: 4,
      disqualified: 45,
      open: 51,
      conversionRate: 0.04,
      qualificationRate: 0.13,
    });
  });

  it('keeps the three most frequent disqualification reasons, most first, ties by code', () => {
    const { sources } = rankSources([
      {
        ...funnel('website', 10, 0, 0, 9),
        reasons: [
          { reasonCode: 'spam', count: 1 },
          { reasonCode: 'no_need', count: 3 },
          { reasonCode: 'no_budget', count: 3 },
          { reasonCode: 'duplicate', count: 2 },
        ],
      },
    ]);
    expect(sources[0]?.topDisqualifyReasons).toEqual([
      { reasonCode: 'no_budget', count: 3 },
      { reasonCode: 'no_need', count: 3 },
      { reasonCode: 'duplicate', count: 2 },
    ]);
  });

  it('answers null rates with no leads at all', () => {
    expect(rankSources([])).toEqual({
      sources: [],
      average: {
        captured: 0,
        qualified: 0,
        converted: 0,
        disqualified: 0,
        open: 0,
        conversionRate: null,
        qualificationRate: null,
      },
    });
  });
});
