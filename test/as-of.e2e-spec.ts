import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import {
  contractWorld,
  deliverAndAccept,
  handedOverContract,
  invoice,
  placeOrder,
  wonDeal,
  type ContractWorld,
} from './support/contract-world.js';
import { EUR, convertedLead } from './support/opportunity-world.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually } from './support/test-app.js';

interface Snapshot {
  readonly path: string;
  readonly at: string;
  readonly windowMs: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Time travel over HTTP: during one deal's life (lead, opportunity, contract with its money,
 * a ticket) the live answers of the detail routes are recorded at several instants; afterwards
 * the same routes with `?asOf=` those instants must give the same answers, field by field.
 */
describe('As-of reads', () => {
  let w: ContractWorld;
  let auditor: string;
  const snapshots: Snapshot[] = [];
  const store = (): EventStore => w.sales.app.app.get<symbol, EventStore>(EVENT_STORE);

  /**
   * The live answer and an instant it holds for: nothing was recorded while it was read (the
   * log's head did not move), so the state at the instant after the answer is the one it shows.
   */
  const snapshot = async (path: string, settled: (body: { revision?: number }) => boolean = () => true) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const started = Date.now();
      const head = await store().readHeadPosition();
      const live = await w.sales.app.request('GET', path, { token: auditor });
      await pause(2);
      const at = new Date();
      if (live.status === 200 && settled(live.body) && (await store().readHeadPosition()) === head) {
        snapshots.push({ path, at: at.toISOString(), windowMs: at.getTime() - started, body: live.body });
        await pause(2);
        return;
      }
      await pause(50);
    }
    throw new Error(`${path} never held still long enough to record`);
  };

  beforeAll(async () => {
    w = await contractWorld();
    auditor = await w.sales.app.token(['auditor'], 'audrey');
    const { leadId, dealId } = await wonDeal(w);
    await eventually(async () => {
      const lead = await w.sales.app.request('GET', `/leads/${leadId}`, { token: auditor });
      return lead.body?.status === 'converted' ? true : undefined;
    });
    // The lead list has caught up with the lead's stream.
    const leadEvents = (await store().readStream(`lead-${leadId}`)).length;
    await snapshot(`/leads/${leadId}`, (body) => body.revision === leadEvents - 1);
    await snapshot(`/opportunities/${dealId}`);
    await snapshot('/pipeline-board');
    const contractId = await handedOverContract(w, dealId);
    await snapshot(`/contracts/${contractId}`);
    await snapshot(`/contracts/${contractId}/balance`);
    const poId = await placeOrder(w, contractId, 10, 'PO-7781');
    await deliverAndAccept(w, contractId, poId, 1_000_000);
    const invoiceId = await invoice(w, contractId, 1_000_000);
    await snapshot(`/contracts/${contractId}/balance`);
    await w.contracts.ok(w.ingrid, `/contracts/${contractId}/invoices/${invoiceId}/payments`, {
      amount: EUR(400_000),
      receivedOn: '2026-03-20',
    });
    await snapshot(`/contracts/${contractId}`);
    await snapshot(`/contracts/${contractId}/balance`);
    const s = await ServiceWorld.on(w.sales);
    await s.policy();
    const ticketId = await s.ticket({ contractId, priority: 'P2' });
    await snapshot(`/tickets/${ticketId}`);
    await s.ok(s.ali, `/tickets/${ticketId}/escalate`, { toLine: 2, reason: 'Firmware fault', group: 'experts' });
    await snapshot(`/tickets/${ticketId}`);
    await snapshot(`/opportunities/${dealId}`);
    // A second deal opens: the board of the first moment must not hold it.
    const second = await convertedLead(w);
    await w.deals.waitForEvent(second.dealId, 'OpportunityOpened');
    await eventually(async () => {
      const board = await w.sales.app.request('GET', '/pipeline-board', { token: auditor });
      const deals = (board.body?.stages ?? []).reduce((sum: number, stage: { count: number }) => sum + stage.count, 0);
      return deals === 2 ? true : undefined;
    });
    await snapshot('/pipeline-board');
    // Everything moves on afterwards: the as-of answers must not see any of it.
    await w.contracts.ok(w.ingrid, `/contracts/${contractId}/invoices/${invoiceId}/payments`, {
      amount: EUR(600_000),
      receivedOn: '2026-03-25',
    });
    await w.sales.app.request('POST', `/tickets/${ticketId}/resolve`, {
      token: s.eric,
      body: { resolution: 'Patched' },
    });
  }, 180_000);
  afterAll(async () => w.sales.app.destroy());

  it('recorded the live answers it compares with, and the state moved on since', async () => {
    expect(snapshots.map((s) => s.path.split('/')[1])).toEqual([
      'leads',
      'opportunities',
      'pipeline-board',
      'contracts',
      'contracts',
      'contracts',
      'contracts',
      'contracts',
      'tickets',
      'tickets',
      'opportunities',
      'pipeline-board',
    ]);
    const last = snapshots.findLast((s) => s.path.endsWith('/balance'))!;
    const now = await w.sales.app.request('GET', last.path, { token: auditor });
    expect(now.body).not.toEqual(last.body);
    const [firstBoard, secondBoard] = snapshots.filter((s) => s.path === '/pipeline-board');
    expect(firstBoard!.body).not.toEqual(secondBoard!.body);
  });

  it('gives the lead, deal, pipeline board and contract (with its balance) exactly as they read then', async () => {
    for (const taken of snapshots.filter((s) => !s.path.startsWith('/tickets/'))) {
      const then = await w.sales.app.request('GET', `${taken.path}?asOf=${encodeURIComponent(taken.at)}`, {
        token: auditor,
      });
      expect({ path: taken.path, status: then.status }).toEqual({ path: taken.path, status: 200 });
      const expected = taken.path.startsWith('/leads/') ? { ...taken.body, routingWait: null } : taken.body;
      expect({ path: taken.path, body: then.body }).toEqual({ path: taken.path, body: expected });
    }
  });

  it('gives a ticket as it stood then, its clocks counted up to that instant', async () => {
    for (const taken of snapshots.filter((s) => s.path.startsWith('/tickets/'))) {
      const then = await w.sales.app.request('GET', `${taken.path}?asOf=${encodeURIComponent(taken.at)}`, {
        token: auditor,
      });
      expect(then.status).toBe(200);
      const withoutCounts = (body: { clocks: Record<string, unknown>[] }) => ({
        ...body,
        clocks: body.clocks.map(({ elapsedMs: _e, remainingMs: _r, ...clock }) => clock),
      });
      expect(withoutCounts(then.body)).toEqual(withoutCounts(taken.body));
      // The as-of instant is a moment after the live read: the running clocks went on at most that long.
      taken.body.clocks.forEach((clock: { elapsedMs: number; state: string }, index: number) => {
        const asOf = then.body.clocks[index] as { elapsedMs: number };
        const drift = clock.state === 'running' ? taken.windowMs + 1 : 0;
        expect(asOf.elapsedMs - clock.elapsedMs).toBeGreaterThanOrEqual(0);
        expect(asOf.elapsedMs - clock.elapsedMs).toBeLessThanOrEqual(drift);
      });
    }
  });

  it('answers 404 before a record existed, and 400 for an instant it cannot read', async () => {
    const contract = snapshots.find((s) => s.path.startsWith('/contracts/'))!;
    const before = await w.sales.app.request('GET', `${contract.path}?asOf=2020-01-01T00:00:00Z`, { token: auditor });
    expect({ status: before.status, code: before.body.code }).toEqual({ status: 404, code: 'CONTRACT_NOT_FOUND' });
    const lead = snapshots[0]!;
    const leadBefore = await w.sales.app.request('GET', `${lead.path}?asOf=2020-01-01T00:00:00Z`, { token: auditor });
    expect({ status: leadBefore.status, code: leadBefore.body.code }).toEqual({ status: 404, code: 'LEAD_NOT_FOUND' });
    const bad = await w.sales.app.request('GET', `${contract.path}?asOf=last-tuesday`, { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'asOf' });
  });
});
