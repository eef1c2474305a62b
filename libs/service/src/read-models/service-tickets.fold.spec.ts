import type { TicketAccepted, TicketEvent } from '../domain/ticket.events.js';
import { acceptedTicketRow, audienceRowsOf, ticketRowAfter } from './service-tickets.fold.js';
import { NO_BREACH_KEY, type ServiceTicketRow } from './service-tickets.table.js';
import { at, TicketScript } from './test/ticket-history.js';

const MIN = 60_000;

/** The row a ticket's events fold to, straight from the fold. */
function fold(events: readonly TicketEvent[]): ServiceTicketRow {
  const [accepted, ...rest] = events as [TicketAccepted, ...Exclude<TicketEvent, TicketAccepted>[]];
  return rest.reduce(
    (row, event, i) => ticketRowAfter(row, event, BigInt(i + 1)),
    acceptedTicketRow('acme', 0n, accepted),
  );
}

describe('Service ticket row fold', () => {
  it('keeps the outcome of the latest resolution when reopened, while the resolution clock runs again', () => {
    const t = new TicketScript('t');
    const events = [
      ...t.accepted(0),
      ...t.responded(1, 30 * MIN, true),
      ...t.resolved(2, 120 * MIN, true),
      t.closed(3),
      ...t.reopened(4, 120 * MIN),
    ];
    const row = fold(events);
    expect(row).toMatchObject({
      status: 'open',
      reopen_count: 1,
      resolved_at: at(2),
      resolved_within_target: 1,
      resolution_state: 'running',
      resolution_met_at: null,
      resolution_within_target: null,
      closed_at: at(3),
    });
    const late = fold([...events, ...t.resolved(30, 1500 * MIN, false)]);
    expect(late).toMatchObject({ status: 'resolved', resolved_at: at(30), resolved_within_target: 0 });
  });

  it('clears a warning or breach when a new plan sets the instant ahead again, and keeps it when the plan has none', () => {
    const t = new TicketScript('t');
    const base = [...t.accepted(0, { priority: 'P1' }), t.warned('response', 0.375), t.breached('response', 0.5)];
    expect(fold(base)).toMatchObject({ response_warned: 1, response_breached: 1, breached: 1, at_risk: 0 });
    // Paused: the plan names no instant, the breach stands.
    const paused = [...base, t.plan('response', 1, 'paused', 30 * MIN)];
    expect(fold(paused)).toMatchObject({ response_breached: 1, queue_key: expect.any(String) });
    // Re-graded to a longer target: the clock is back within it.
    const regraded = [...paused, t.plan('response', 2, 'running', 30 * MIN, 240 * MIN)];
    expect(fold(regraded)).toMatchObject({ response_warned: 0, response_breached: 0, breached: 0 });
  });

  it('ignores a warning of a stale plan', () => {
    const t = new TicketScript('t');
    const accepted = t.accepted(0, { priority: 'P1' });
    const stale = t.warned('response', 0.375);
    const replanned = t.plan('response', 0.2, 'running', 5 * MIN);
    expect(fold([...accepted, replanned, stale])).toMatchObject({ response_warned: 0, at_risk: 0 });
  });

  it('orders the queue by the earliest breach of a running clock, and puts paused or stopped clocks after', () => {
    const t = new TicketScript('t');
    const running = fold(t.accepted(0, { priority: 'P1' }));
    expect(running).toMatchObject({ next_breach_at: at(0.5), queue_key: at(0.5) });
    const u = new TicketScript('u');
    const waiting = fold([
      ...u.accepted(0, { priority: 'P1' }),
      u.plan('response', 0.1, 'paused', 6 * MIN),
      u.plan('resolution', 0.1, 'paused', 6 * MIN),
    ]);
    expect(waiting).toMatchObject({ next_breach_at: null, queue_key: NO_BREACH_KEY });
  });

  it("lets the ticket's group and engineer, its tasks' and the deal team see it", () => {
    const t = new TicketScript('t');
    const row = fold([
      ...t.accepted(0, { dealTeam: ['sam-sr', 'ann-ar', 'sam-sr'] }),
      t.assigned(1, { group: 'g1', engineer: 'eve' }),
      t.taskOpened(2, 'k1', { group: 'g2', engineer: null }),
      t.taskOpened(2, 'k2', { group: 'g2', engineer: 'eve' }),
    ]);
    expect(audienceRowsOf(row).map((r) => `${r.member_kind}:${r.member_id}`)).toEqual([
      'group:g1',
      'group:g2',
      'person:ann-ar',
      'person:eve',
      'person:sam-sr',
    ]);
  });
});
