import { ManualClock } from '#ltc/clock';
import { eventually } from './support/test-app.js';
import { Sales, expectExplained } from './support/sales-world.js';

/**
 * Lead distribution over HTTP: the policy routes, the routing process manager (push,
 * pull, shotgun), the distribution ledger under a burst of leads, and the clocks
 * (response SLA with escalation, recycling) driven by a ManualClock.
 */

describe('Lead distribution › policies over HTTP', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('serves the built-in default, saves a versioned policy with If-Match, and names invalid fields', async () => {
    sales = await Sales.start();
    const before = await sales.app.request('GET', '/distribution-policies/default', { token: sales.manager });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ team: 'default', from: 'built_in', version: null });
    expect(before.body.policy).toMatchObject({
      method: 'round_robin',
      responseTargetSeconds: { default: 300 },
      warningPercent: 80,
    });

    const put = (body: unknown, headers: Record<string, string> = {}) =>
      sales.app.request('PUT', '/distribution-policies/default', { token: sales.manager, body, headers });
    const first = await put({ method: 'shotgun' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"0"');
    expect((await put({ method: 'shotgun' })).body.events).toEqual([]);
    expect((await put({ method: 'territory' }, { 'if-match': '"7"' })).status).toBe(412);
    const invalid = await put({ recycle: { idleDays: 1, warnDaysBefore: 2 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'recycle.warnDaysBefore', rule: 'order' })]);

    const team = await sales.app.request('GET', '/distribution-policies/emea-north', { token: sales.manager });
    expect(team.body).toMatchObject({ from: 'tenant', version: 1, policy: { method: 'shotgun' } });
    const docs = await sales.app.request('GET', '/docs-json');
    const paths = docs.body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths['/distribution-policies/{team}'] ?? {})).toEqual(expect.arrayContaining(['get', 'put']));
    expect(paths['/distribution-policies/{team}']?.['put']?.requestBody).toBeDefined();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/notifications', '/reps/{id}/attempts-due', '/distribution/workload']),
    );
    const rep = await sales.app.request('PUT', '/distribution-policies/default', {
      token: await sales.repToken('ana'),
      body: {},
    });
    expect(rep.status).toBe(403);
  });
});

describe('Lead distribution › push methods', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('round robin, top producer and territory each assign with an explanation for every candidate', async () => {
    sales = await Sales.start();
    await sales.rep('ana', { territories: { regions: ['APAC'] } });
    await sales.rep('bo', { territories: { regions: ['EMEA'] } });
    await sales.rep('cleo', { territories: { regions: ['EMEA'], languages: ['sv'] } });

    const roundRobin = await sales.capture();
    const rr = await sales.waitFor(roundRobin, 'LeadAssigned');
    expectExplained(rr, 'round_robin', 3);
    expect(rr.data.repId).toBe('ana');

    await sales.policy({ method: 'top_producer' });
    const top = await sales.waitFor(await sales.capture(), 'LeadAssigned');
    expectExplained(top, 'top_producer', 3);
    expect(top.data.candidates?.find((c) => c.chosen)?.reason).toContain('highest performance-weighted deficit');

    await sales.policy({ method: 'territory' });
    const territory = await sales.waitFor(await sales.capture({ region: 'EMEA', language: 'de' }), 'LeadAssigned');
    expectExplained(territory, 'territory', 3);
    expect(territory.data.repId).toBe('bo');
    expect(territory.data.candidates?.find((c) => c.repId === 'ana')?.reason).toBe(
      'region EMEA does not match territory APAC',
    );
    expect(territory.data.candidates?.find((c) => c.repId === 'cleo')?.reason).toBe(
      'language de does not match territory sv',
    );
  }, 60_000);
});

describe('Lead distribution › the ledger under load', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  async function captureMany(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, count - i) }, (_, k) => sales.capture({ name: `Lead ${i + k}` })),
      );
      ids.push(...batch);
    }
    return ids;
  }

  async function ownerCounts(ids: readonly string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const id of ids) {
      const assigned = await sales.waitFor(id, 'LeadAssigned', 1, 60_000);
      const rep = String(assigned.data.repId);
      counts[rep] = (counts[rep] ?? 0) + 1;
    }
    return counts;
  }

  it('round robin over 3 eligible reps gives each exactly 100 of 300 leads', async () => {
    sales = await Sales.start();
    for (const id of ['ana', 'bo', 'cleo']) await sales.rep(id);
    const ids = await captureMany(300);
    expect(await ownerCounts(ids)).toEqual({ ana: 100, bo: 100, cleo: 100 });
    const workload = await sales.app.request('GET', '/distribution/workload', { token: sales.manager });
    expect(workload.body.map((w: { repId: string; openLeads: number }) => [w.repId, w.openLeads])).toEqual([
      ['ana', 100],
      ['bo', 100],
      ['cleo', 100],
    ]);
  }, 240_000);

  it('with one rep at capacity, no lead goes over it', async () => {
    sales = await Sales.start();
    await sales.rep('ana');
    await sales.rep('bo');
    await sales.rep('cleo', { capacity: { maxOpenLeads: 20, dailyQuota: 0 } });
    const ids = await captureMany(150);
    expect(await ownerCounts(ids)).toEqual({ ana: 65, bo: 65, cleo: 20 });
    const last = await sales.waitFor(ids.at(-1) ?? '', 'LeadAssigned');
    expect(last.data.candidates?.find((c) => c.repId === 'cleo')?.reason).toBe('at capacity 20/20 open leads');
  }, 240_000);
});

describe('Lead distribution › pull methods', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('shark tank notifies every eligible rep; a claim over the cap is refused', async () => {
    sales = await Sales.start();
    for (const id of ['ana', 'bo', 'cleo']) await sales.rep(id);
    const deactivated = await sales.app.request('POST', '/reps/cleo/deactivate', {
      token: sales.manager,
      body: { reason: 'Left the company' },
    });
    expect(deactivated.status).toBe(200);
    await eventually(async () => {
      const cleo = await sales.app.request('GET', '/reps/cleo', { token: sales.manager });
      return cleo.body.active === false ? true : undefined;
    });
    await sales.policy({ method: 'shark_tank', claimCapPerRep: 1 });
    const first = await sales.capture();
    const second = await sales.capture();
    const pooled = await sales.waitFor(first, 'LeadPooled');
    expect(pooled.data).toMatchObject({ method: 'shark_tank', notifiedRepIds: ['ana', 'bo'] });
    await sales.waitFor(second, 'LeadPooled');
    const ana = await sales.repToken('ana');
    await sales.notified(await sales.repToken('bo'), first, 'pooled_shark_tank');

    expect((await sales.app.request('POST', `/leads/${first}/claim`, { token: ana })).status).toBe(200);
    expect(
      (await sales.app.request('POST', `/leads/${first}/claim`, { token: await sales.repToken('bo') })).status,
    ).toBe(409);
    // The ledger counts ana's claim once routing has seen it; then the cap of 1 applies.
    await eventually(async () => {
      const workload = await sales.app.request('GET', '/distribution/workload', { token: sales.manager });
      return workload.body.some((w: { repId: string; openLeads: number }) => w.repId === 'ana' && w.openLeads === 1)
        ? true
        : undefined;
    });
    const refused = await sales.app.request('POST', `/leads/${second}/claim`, { token: ana });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CLAIM_CAP_REACHED');
  }, 60_000);
});

describe('Lead distribution › shotgun', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('a decline and a timeout each move the offer to the next rep in rotation, who accepts', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    sales = await Sales.start(clock);
    for (const id of ['ana', 'bo', 'cleo']) await sales.rep(id);
    await sales.policy({ method: 'shotgun', offerTimeoutSeconds: 30 });
    const leadId = await sales.capture();

    expect((await sales.waitFor(leadId, 'LeadOffered')).data).toMatchObject({ repId: 'ana', round: 1 });
    const ana = await sales.repToken('ana');
    expect((await sales.notified(ana, leadId, 'lead_offered')).message).toContain('offered to you (round 1)');
    const declined = await sales.app.request('POST', `/leads/${leadId}/offer/decline`, {
      token: ana,
      body: { reason: 'On site all day' },
    });
    expect(declined.status).toBe(200);

    const second = await sales.waitFor(leadId, 'LeadOffered', 2);
    expect(second.data).toMatchObject({ repId: 'bo', round: 2 });
    await sales.timerScheduled(`leadOfferExpiry:${String(second.data.offerId)}`);
    clock.advance(30_000);
    expect((await sales.waitFor(leadId, 'LeadOfferExpired')).data).toMatchObject({ repId: 'bo' });

    expect((await sales.waitFor(leadId, 'LeadOffered', 3)).data).toMatchObject({ repId: 'cleo', round: 3 });
    const accepted = await sales.app.request('POST', `/leads/${leadId}/offer/accept`, {
      token: await sales.repToken('cleo'),
    });
    expect(accepted.status).toBe(200);
    expect((await sales.waitFor(leadId, 'LeadAssigned')).data).toMatchObject({ repId: 'cleo', method: 'shotgun' });
  }, 60_000);
});

describe('Lead distribution › clocks', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('a response SLA of seconds warns, breaches, notifies the manager and reassigns', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    sales = await Sales.start(clock);
    await sales.team('emea', 'maria');
    for (const id of ['ana', 'bo']) await sales.rep(id, { team: 'emea' });
    await sales.policy({
      responseTargetSeconds: { default: 10 },
      warningPercent: 50,
      escalation: 'notify_manager_and_reassign',
    });
    const leadId = await sales.capture();
    expect((await sales.waitFor(leadId, 'LeadAssigned')).data.repId).toBe('ana');
    const anaToken = await sales.repToken('ana');
    const due = await eventually(async () => {
      const listed = await sales.app.request('GET', '/reps/ana/attempts-due', { token: anaToken });
      return listed.body.items?.length > 0 ? listed.body.items : undefined;
    });
    expect(due).toEqual([
      expect.objectContaining({ leadId, attempts: 0, nextAttemptDueAt: '2026-03-02T09:00:10.000Z' }),
    ]);
    const peek = await sales.app.request('GET', '/reps/ana/attempts-due', { token: await sales.repToken('bo') });
    expect(peek.status).toBe(403);

    await sales.timerScheduled(`leadResponseWarn:${leadId}:1`);
    clock.advance(5_000);
    expect((await sales.waitFor(leadId, 'LeadResponseWarning')).data).toMatchObject({ repId: 'ana' });
    await sales.notified(anaToken, leadId, 'response_warning');

    clock.advance(5_000);
    expect((await sales.waitFor(leadId, 'LeadResponseSlaBreached')).data).toMatchObject({
      repId: 'ana',
      escalation: 'notify_manager_and_reassign',
    });
    const reassigned = await sales.waitFor(leadId, 'LeadAssigned', 2);
    expect(reassigned.data).toMatchObject({ repId: 'bo', previousRepId: 'ana', assignmentNo: 2 });
    expect(reassigned.data.candidates?.find((c) => c.repId === 'ana')?.reason).toBe(
      'missed the first-contact target on this lead',
    );
    const breach = await sales.notified(sales.manager, leadId, 'response_breached');
    expect(breach.message).toContain('ana missed the first-contact target');
  }, 60_000);

  it('recycling moves an idle lead back to the pool, where another rep claims it', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    sales = await Sales.start(clock);
    for (const id of ['ana', 'bo']) await sales.rep(id);
    await sales.policy({
      responseTargetSeconds: { default: 3600 },
      recycle: { idleDays: 20 / 86_400, warnDaysBefore: 5 / 86_400, archiveAfterDays: 1 },
    });
    const leadId = await sales.capture();
    expect((await sales.waitFor(leadId, 'LeadAssigned')).data.repId).toBe('ana');

    await sales.timerScheduled(`leadRecycleWarn:${leadId}:1`);
    clock.advance(15_000);
    expect((await sales.waitFor(leadId, 'LeadRecycleWarning')).data).toMatchObject({ repId: 'ana' });
    clock.advance(5_000);
    expect((await sales.waitFor(leadId, 'LeadRecycled')).data).toMatchObject({ previousRepId: 'ana' });

    const claimed = await sales.app.request('POST', `/leads/${leadId}/claim`, { token: await sales.repToken('bo') });
    expect(claimed.status).toBe(200);
    expect((await sales.waitFor(leadId, 'LeadAssigned', 2)).data).toMatchObject({ repId: 'bo' });
  }, 60_000);
});
