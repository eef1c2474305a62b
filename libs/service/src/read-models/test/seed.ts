import { TicketScript, type TicketHistory } from './ticket-history.js';

const MIN = 60_000;

/**
 * acme:
 * - t1 (P2, hotline group g-field, eve): responded on time, escalated to line 2 (g-experts, ian),
 *   resolution warned; a task for g-lab (lou) overdue; a product requirement.
 * - t2 (P1, unassigned in g-field): response breached, still running.
 * - t3 (P3, dan in g-field): responded, then waiting for the customer, clocks paused.
 * - t4 (P4, other account, g-experts): resolved late, closed, called back (2), reopened, resolved on
 *   time, closed, called back (4); a task done on time.
 * globex: g1, which nobody of acme sees.
 */
export async function seedTickets(history: TicketHistory): Promise<void> {
  const t1 = new TicketScript('t1');
  await history.append('acme', 't1', ...t1.accepted(0, { priority: 'P2', subject: 'Fleet tracker offline' }));
  await history.append('acme', 't1', t1.assigned(0.2, { group: 'g-field', engineer: 'eve-eng' }));
  await history.append('acme', 't1', ...t1.responded(0.5, 30 * MIN, true));
  await history.append('acme', 't1', t1.escalated(1, 1, 2, { group: 'g-experts', engineer: 'ian-expert' }));
  await history.append('acme', 't1', t1.taskOpened(1, 'k1', { group: 'g-lab', engineer: 'lou-lab' }, 3, 2));
  await history.append('acme', 't1', t1.taskOverdue(3, 'k1', 3), t1.requirement(3, 'r1', 'fleet-tracker'));
  await history.append('acme', 't1', t1.warned('resolution', 6));

  const t2 = new TicketScript('t2');
  await history.append('acme', 't2', ...t2.accepted(1, { priority: 'P1', subject: 'Depot down', product: 'depot' }));
  await history.append('acme', 't2', t2.assigned(1, { group: 'g-field', engineer: null }));
  await history.append('acme', 't2', t2.warned('response', 1.375), t2.breached('response', 1.5));

  const t3 = new TicketScript('t3');
  await history.append('acme', 't3', ...t3.accepted(2, { category: 'software' }));
  await history.append('acme', 't3', t3.assigned(2, { group: 'g-field', engineer: 'dan-field' }));
  await history.append('acme', 't3', ...t3.responded(2.5, 30 * MIN, true));
  await history.append('acme', 't3', ...t3.waited(3, 60 * MIN));

  const t4 = new TicketScript('t4');
  await history.append(
    'acme',
    't4',
    ...t4.accepted(-100, { priority: 'P4', account: 'Beta_AG', dealTeam: ['bob-sr'], product: null }),
  );
  await history.append('acme', 't4', t4.assigned(-100, { group: 'g-experts', engineer: 'ian-expert' }, 2));
  await history.append('acme', 't4', t4.taskOpened(-99, 'k2', { group: 'g-experts', engineer: null }, 2));
  await history.append('acme', 't4', t4.taskCompleted(-98, 'k2', true));
  await history.append('acme', 't4', ...t4.responded(-99, 60 * MIN, true));
  await history.append('acme', 't4', t4.breached('resolution', -52));
  await history.append('acme', 't4', ...t4.resolved(-50, 50 * 60 * MIN, false));
  await history.append('acme', 't4', t4.closed(-49), t4.callback(-48, 2));
  await history.append('acme', 't4', ...t4.reopened(-40, 50 * 60 * MIN));
  await history.append('acme', 't4', ...t4.resolved(-30, 60 * 60 * MIN, true));
  await history.append('acme', 't4', t4.closed(-29), t4.callback(-28, 4));

  const g1 = new TicketScript('g1');
  await history.append('globex', 'g1', ...g1.accepted(0, { dealTeam: ['ann-ar'] }));
  await history.append('globex', 'g1', g1.requirement(1, 'r9', 'fleet-tracker'));
}
