import { loadDeal } from '../opportunity-commands/deal-stream.js';
import { DealHistory, day, deal, eur, opened } from '../read-models/test/deal-history.js';
import { opportunityDetail } from './opportunity-detail.view.js';
import { timelineOf } from './opportunity-timeline.js';

describe('A deal’s timeline', () => {
  let history: DealHistory;
  beforeEach(() => {
    history = new DealHistory();
  });
  afterEach(async () => history.store.close());

  it('names each actor’s seat as it was when they acted, managers and the engine included', async () => {
    const d = deal('d1', 'ann');
    await history.append('acme', 'ann', opened({ opportunityId: 'd1', owner: 'ann' }), d.handoff('h0', 'ann', 'sam'));
    await history.append('acme', { userId: 'max', role: 'sales_manager' }, d.triangle('ann', 'sam', null, 'mia'));
    await history.append('acme', 'sam', d.accepted('h0', 'ann', 'sam'));
    await history.append(
      'acme',
      { userId: 'system', role: 'system' },
      {
        type: 'HandoffOverdue',
        data: { opportunityId: 'd1', handoffId: 'h0', to: 'sam', sponsor: 'mia', dueAt: day(6), at: day(6) },
      },
    );
    await history.append('acme', { userId: 'max', role: 'sales_manager' }, d.seat('sr', 'sid', 'sam', day(7)));
    await history.append('acme', 'sam', d.lost('price', 'qualify'));
    const folded = await loadDeal(history.store, 'd1');
    const timeline = timelineOf(folded);
    expect(timeline.map((e) => [e.revision, e.type, e.actor, e.seat, e.reason])).toEqual([
      [0, 'OpportunityOpened', 'ann', 'ar', null],
      [1, 'HandoffRequested', 'ann', 'ar', null],
      [2, 'TriangleFormed', 'max', 'manager', null],
      [3, 'HandoffAccepted', 'sam', 'sr', null],
      [4, 'HandoffOverdue', 'system', 'system', null],
      [5, 'TriangleMemberChanged', 'max', 'manager', null],
      // sam left the SR seat before: no seat now, whatever he held once.
      [6, 'OpportunityLost', 'sam', null, null],
    ]);
    expect(timeline[5]?.change).toEqual({ seat: 'sr', personId: 'sid', previousPersonId: 'sam' });
    expect(timeline[0]?.at).toBe(day(1));
  });

  it('gives the reason or note the user gave, and the detail the deal’s state now', async () => {
    const d = deal('d2', 'ann');
    await history.append(
      'acme',
      'ann',
      opened({ opportunityId: 'd2', owner: 'ann', team: 'emea', region: 'SE', productsOfInterest: ['TLM-100'] }),
      d.closeDate('2026-07-31', '2026-04-30'),
      d.won(1, eur(700_000), 'qualify'),
    );
    const folded = await loadDeal(history.store, 'd2');
    if (folded.state.status === 'none') throw new Error('the deal should exist');
    const detail = opportunityDetail(folded, folded.state);
    expect(detail).toMatchObject({
      id: 'd2',
      status: 'won',
      stage: 'won',
      team: 'emea',
      region: 'SE',
      productsOfInterest: ['TLM-100'],
      amount: eur(700_000),
      closeDate: '2026-07-31',
      wonQuoteVersion: 1,
      revision: 2,
    });
    expect(detail.timeline[1]).toMatchObject({
      reason: 'customer asked',
      change: { closeDate: '2026-07-31', previousCloseDate: '2026-04-30' },
    });
  });
});
