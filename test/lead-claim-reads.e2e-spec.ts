import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { eventually, tempDataDir } from './support/test-app.js';
import { Sales } from './support/sales-world.js';

/**
 * A claim reads the lead's stream once: the guard (claim cap, response target) and the
 * command decide on the same fold. Routing runs in a first process that pools the lead; the
 * claim is sent to an API-only process, so no process manager reads the stream meanwhile.
 */

/** Counts the store's reads of lead streams, around the very store the application uses. */
function countLeadReads(sales: Sales): { readonly reads: () => number } {
  const store = sales.app.app.get<symbol, EventStore>(EVENT_STORE);
  const readStream = store.readStream.bind(store);
  let reads = 0;
  store.readStream = (stream, options) => {
    if (stream.startsWith('lead-')) reads += 1;
    return readStream(stream, options);
  };
  return { reads: () => reads };
}

/** Pools one lead by the policy's method in a full process, then answers from an API-only one on the same data. */
async function pooledLead(method: 'shark_tank' | 'blind_pull'): Promise<{ sales: Sales; leadId: string }> {
  const dataDir = tempDataDir();
  const routing = await Sales.start(undefined, { dataDir });
  await routing.rep('ana');
  await routing.policy({ method });
  const leadId = await routing.capture();
  await routing.waitFor(leadId, 'LeadPooled');
  await eventually(async () => {
    const pool = await routing.app.request('GET', '/leads/pool', { token: routing.manager });
    return (pool.body.items as { id: string }[]).some((lead) => lead.id === leadId) ? true : undefined;
  });
  await routing.app.close();
  return { sales: await Sales.start(undefined, { dataDir, role: 'api' }), leadId };
}

describe('Lead claim › store reads', () => {
  let sales: Sales | undefined;
  afterEach(() => sales?.app.destroy());

  it('POST /leads/{id}/claim reads the lead stream once', async () => {
    const pooled = await pooledLead('shark_tank');
    sales = pooled.sales;
    const counter = countLeadReads(sales);
    const claimed = await sales.app.request('POST', `/leads/${pooled.leadId}/claim`, {
      token: await sales.repToken('ana'),
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.events).toEqual([expect.objectContaining({ type: 'LeadAssigned' })]);
    expect(counter.reads()).toBe(1);
  }, 60_000);

  it('POST /leads/pool/claim-next reads the chosen lead stream once', async () => {
    const pooled = await pooledLead('blind_pull');
    sales = pooled.sales;
    const counter = countLeadReads(sales);
    const claimed = await sales.app.request('POST', '/leads/pool/claim-next', { token: await sales.repToken('ana') });
    expect(claimed.status).toBe(200);
    expect(claimed.body.id).toBe(pooled.leadId);
    expect(counter.reads()).toBe(1);
  }, 60_000);
});
