import { bucketsOf, deltasBetween, inRange, movesOf, type ForecastFacts } from './forecast.snapshot.js';

const facts = (over: Partial<ForecastFacts> = {}): ForecastFacts => ({
  status: 'open',
  stage_id: 'qualify',
  forecast_category: 'pipeline',
  probability_bp: 1000,
  amount_minor: 100_000,
  currency: 'EUR',
  close_date: '2026-04-30',
  ...over,
});

describe('Forecast snapshots', () => {
  it('names how a deal moved: dates pushed, pulled, set or cleared; closes; category and amount', () => {
    expect(movesOf(undefined, facts())).toEqual(['opened']);
    expect(movesOf(facts(), facts({ close_date: '2026-05-01' }))).toEqual(['pushed']);
    expect(movesOf(facts(), facts({ close_date: '2026-04-01' }))).toEqual(['pulled']);
    expect(movesOf(facts({ close_date: null }), facts())).toEqual(['close_date_set']);
    expect(movesOf(facts(), facts({ close_date: null }))).toEqual(['close_date_cleared']);
    expect(movesOf(facts(), facts({ probability_bp: 3000 }))).toEqual(['probability_changed']);
    expect(movesOf(facts(), facts({ stage_id: 'bid', forecast_category: 'best_case', probability_bp: 5000 }))).toEqual([
      'category_changed',
      'stage_changed',
    ]);
    expect(movesOf(facts(), facts({ status: 'lost', stage_id: 'lost', forecast_category: 'omitted' }))).toEqual([
      'lost',
      'category_changed',
    ]);
    expect(movesOf(facts({ status: 'lost' }), facts())).toEqual(['reopened']);
    expect(movesOf(facts(), facts())).toEqual([]);
  });

  it('keeps deals without a close date only when no month bounds the forecast', () => {
    expect(inRange(null, {})).toBe(true);
    expect(inRange(null, { from: '2026-01' })).toBe(false);
    expect(inRange('2026-04', { from: '2026-04', to: '2026-04' })).toBe(true);
    expect(inRange('2026-05', { to: '2026-04' })).toBe(false);
  });

  it('sums per month, category and currency, and leaves unmoved cells out of the deltas', () => {
    const then = bucketsOf([facts(), facts({ currency: 'USD' })], {});
    const now = bucketsOf(
      [facts(), facts({ currency: 'USD', close_date: '2026-05-02' }), facts({ amount_minor: null })],
      {},
    );
    expect(now.map((b) => [b.month, b.count, b.totals.map((t) => t.currency)])).toEqual([
      ['2026-04', 2, ['EUR']],
      ['2026-05', 1, ['USD']],
    ]);
    expect(deltasBetween(then, now)).toEqual([
      {
        month: '2026-04',
        category: 'pipeline',
        currency: 'USD',
        countDelta: -1,
        amountDeltaMinor: -100_000,
        weightedDeltaMinor: -10_000,
      },
      {
        month: '2026-05',
        category: 'pipeline',
        currency: 'USD',
        countDelta: 1,
        amountDeltaMinor: 100_000,
        weightedDeltaMinor: 10_000,
      },
    ]);
  });
});
