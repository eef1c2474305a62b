import { runCli } from './support/cli.js';
import { convertedLead, world, type World } from './support/opportunity-world.js';
import { eventually, type TestResponse } from './support/test-app.js';

interface ReadEntry {
  at: string;
  actor: { userId: string; role: string };
  kind: string;
  target: string | null;
  filters: Record<string, string>;
  format: string;
  route: string;
  stream: string;
}

/**
 * Reads of audited data are recorded (who, what, when) and listed to auditors: the raw
 * stream view, a deal's history and its export, one person's activity. A failed read is not.
 */
describe('Read audit', () => {
  let w: World;
  let leadId: string;
  let dealId: string;
  let anna: string;
  const get = (path: string, token = anna, headers: Record<string, string> = {}): Promise<TestResponse> =>
    w.sales.app.request('GET', path, { token, headers });
  const readsOf = async (query: string): Promise<ReadEntry[]> => {
    const answer = await get(`/audit/reads?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.entries as ReadEntry[];
  };

  beforeAll(async () => {
    w = await world();
    ({ leadId, dealId } = await convertedLead(w));
    anna = await w.sales.app.token(['auditor'], 'anna');
    // The trail links the deal's streams in the background; a manager waits for it.
    await eventually(async () => ((await get(`/deals/${dealId}/history`, w.maria)).status === 200 ? true : undefined));
  });
  afterAll(() => w.sales.app.destroy());

  it('records each successful audited read with who, what, when and the query, and lists them oldest first', async () => {
    expect((await get(`/streams/lead-${leadId}`)).status).toBe(200);
    expect((await get(`/streams/lead-00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(`/streams/not!a!stream`)).status).toBe(400);
    expect((await get(`/deals/${dealId}/history?kind=lead`)).status).toBe(200);
    const csv = await fetch(`${w.sales.app.baseUrl}/deals/${dealId}/history`, {
      headers: { authorization: `Bearer ${anna}`, accept: 'text/csv' },
    });
    expect({ status: csv.status, type: csv.headers.get('content-type') }).toMatchObject({ status: 200 });
    expect((await get(`/audit/actors/ingrid`)).status).toBe(200);

    const reads = await readsOf('actor=anna');
    expect(reads.map((r) => [r.kind, r.target, r.format])).toEqual([
      ['raw_stream', `lead-${leadId}`, 'application/json'],
      ['deal_history', dealId, 'application/json'],
      ['deal_history', dealId, 'text/csv'],
      ['actor_activity', 'ingrid', 'application/json'],
    ]);
    expect(reads[0]).toMatchObject({
      actor: { userId: 'anna', role: 'auditor' },
      route: 'GET /streams/:stream',
      stream: expect.stringMatching(/^readAudit-acme:\d{4}-\d{2}-\d{2}$/),
    });
    expect(reads[1]?.filters).toEqual({ kind: 'lead' });
    expect(Date.parse(reads[0]?.at ?? '')).not.toBeNaN();
  });

  it('filters by kind and actor, and pages with a cursor', async () => {
    expect((await readsOf('kind=deal_history&actor=anna')).map((r) => r.format)).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect((await readsOf('actor=maria')).every((r) => r.actor.userId === 'maria')).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TestResponse = await get(`/audit/reads?actor=anna&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(page.body.entries as ReadEntry[]).map((r) => r.kind));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null && seen.length < 10);
    expect(seen.slice(0, 4)).toEqual(['raw_stream', 'deal_history', 'deal_history', 'actor_activity']);
  });

  it('shows the read log only to auditors (and admins)', async () => {
    const ingrid = await w.sales.app.token(['ar'], 'ingrid');
    expect((await get('/audit/reads', ingrid)).status).toBe(403);
    expect((await get('/audit/reads', w.maria)).status).toBe(403);
    expect((await get('/audit/reads', await w.sales.app.token(['admin'], 'root'))).status).toBe(200);
  });

  it('keeps the reads as events under the hash chain, readable raw', async () => {
    const [first] = await readsOf('actor=anna&limit=1');
    const raw = await get(`/streams/${first?.stream ?? ''}`);
    expect(raw.status).toBe(200);
    expect(raw.body.events[0]).toMatchObject({ type: 'ReadRecorded', chainHash: expect.any(String) });
  });

  it('records an `ltc export events` in the read log of each tenant exported, with the operator and the count', async () => {
    const exported = await runCli(['export', 'events', '--kind', 'lead'], { LTC_DATA_DIR: w.sales.app.dataDir });
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\n').length;
    const [entry] = await readsOf('kind=event_export');
    expect(entry).toMatchObject({
      actor: { userId: expect.stringMatching(/^cli:/), role: 'operator' },
      target: null,
      route: 'ltc export events',
      format: 'application/x-ndjson',
      filters: { arguments: '--kind lead' },
      records: lines,
    });
  });

  it('refuses a period it cannot serve with 400', async () => {
    expect((await get('/audit/reads?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await get('/audit/reads?cursor=bm9wZQ')).status).toBe(400);
  });
});
