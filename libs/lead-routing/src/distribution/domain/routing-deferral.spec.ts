import type { Blocker, BlockerKind } from './rep-candidate.js';
import { deferralOf } from './routing-deferral.js';
import { waitingDigestBucket, waitingDigestMessage } from './waiting-digest.js';

const blocked = (...kinds: BlockerKind[]): { blockers: Blocker[] } => ({
  blockers: kinds.map((kind) => ({ kind, text: kind })),
});

describe('Routing deferral › why nobody could take the lead', () => {
  it('names a team without reps, and one without an active seller', () => {
    expect(deferralOf([])).toEqual({ reason: 'no_reps', detail: 'no reps to route to' });
    expect(deferralOf([blocked('inactive'), blocked('no_sales_role', 'capacity')])).toEqual({
      reason: 'no_active_reps',
      detail: 'none of the 2 rep(s) is active with a sales role',
    });
  });

  it('says "all at capacity" when raising capacity is what lets the lead move', () => {
    expect(deferralOf([blocked('capacity'), blocked('capacity'), blocked('inactive', 'away')])).toEqual({
      reason: 'all_at_capacity',
      detail: 'all 2 active rep(s) at capacity',
    });
  });

  it('counts each seller once, under the most fundamental blocker', () => {
    // Away and full: coming back is needed first, so both reps count as away.
    expect(deferralOf([blocked('capacity', 'away'), blocked('away')])).toEqual({
      reason: 'all_unavailable',
      detail: 'all 2 active rep(s) away',
    });
    expect(deferralOf([blocked('territory'), blocked('territory')]).reason).toBe('no_territory_match');
    expect(deferralOf([blocked('away'), blocked('capacity'), blocked('territory'), blocked('excluded')])).toEqual({
      reason: 'no_eligible_rep',
      detail: 'of 4 active rep(s): 1 away, 1 at capacity, 1 outside the territory, 1 excluded this time',
    });
  });
});

describe('Routing deferral › digest notifications', () => {
  it('groups an import by its batch, anything else by the minute of the event (not the wall clock)', () => {
    expect(waitingDigestBucket({ importBatchId: 'b-1', at: '2026-03-02T09:00:59.999Z' }).key).toBe('import:b-1');
    const early = waitingDigestBucket({ importBatchId: null, at: '2026-03-02T09:00:00.000Z' });
    const late = waitingDigestBucket({ importBatchId: null, at: '2026-03-02T09:00:59.999Z' });
    const next = waitingDigestBucket({ importBatchId: null, at: '2026-03-02T09:01:00.000Z' });
    expect(early).toEqual(late);
    expect(early.key).toBe('minute:2026-03-02T09:00');
    expect(next.key).not.toBe(early.key);
  });

  it('says how many leads wait and why, in one line', () => {
    const bucket = waitingDigestBucket({ importBatchId: 'b-1', at: '2026-03-02T09:00:00.000Z' });
    expect(
      waitingDigestMessage(bucket, [
        { reason: 'all_at_capacity', leads: 146 },
        { reason: 'no_territory_match', leads: 1 },
      ]),
    ).toBe(
      '147 leads from import b-1 wait for an owner (146 all reps at capacity, 1 no territory match); ' +
        'see GET /leads/unassigned',
    );
  });
});
