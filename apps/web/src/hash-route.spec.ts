import { hrefOf, parseRoute } from './hash-route';
import { timeLeft } from './time-left';

describe('Screens in the fragment', () => {
  it('names the lead desk with its filters, one lead, and the inbox', () => {
    expect(parseRoute('#/leads?tier=A')).toEqual({
      screen: 'leads',
      filters: { status: [], tier: 'A', order: 'priority', offset: 0 },
    });
    expect(parseRoute('#/leads/4b0c6f0e-1')).toEqual({ screen: 'lead', leadId: '4b0c6f0e-1' });
    expect(parseRoute('#/inbox')).toEqual({ screen: 'inbox' });
    expect(parseRoute('')).toMatchObject({ screen: 'leads' });
    expect(parseRoute('#/leads/..%2Fadmin')).toMatchObject({ screen: 'leads' });
  });

  it('links back to the same screen', () => {
    for (const hash of ['#/leads', '#/leads?status=pooled&order=newest', '#/leads/abc-1', '#/inbox', '#/analytics']) {
      expect(hrefOf(parseRoute(hash))).toBe(hash);
    }
  });
});

describe('Countdowns', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  it('counts the first-contact clock down in minutes and seconds, and up once overdue', () => {
    expect(timeLeft('2026-03-01T10:04:59Z', now)).toBe('4:59 left');
    expect(timeLeft('2026-03-01T09:58:55Z', now)).toBe('overdue by 1:05');
    expect(timeLeft('2026-03-01T12:10:00Z', now)).toBe('2 h 10 min left');
    expect(timeLeft('2026-03-04T10:00:00Z', now)).toBe('3 d left');
    expect(timeLeft('soon', now)).toBe('no due time');
  });
});
