import Database from 'better-sqlite3';
import { dataFiles } from './support/lead-read-models.js';
import { Deals, EUR, convertedLead, expectCode, world, type World } from './support/opportunity-world.js';
import { Sales } from './support/sales-world.js';
import { eventually } from './support/test-app.js';

/**
 * Opportunities and the iron triangle end to end over HTTP on the embedded store: a lead
 * converts and its deal opens with the lead's source; the triangle forms; a stage gate
 * refuses and then lets the deal through; the AR hands the lead to the SR; a quote whose
 * discount needs approval is approved and sent; the deal is won. The pipeline board, the
 * forecast and the AR's, SR's and sponsor's inboxes read right at each step. Then a handoff
 * nobody answers within a two-second target is flagged to the sponsor and escalated; and a
 * conversion handled again opens its deal once.
 */

describe('Opportunities and the iron triangle over HTTP', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('a converted lead opens its deal, which is formed, gated, handed off, quoted, approved, sent and won', async () => {
    const { sales, deals, ingrid, sven, maria } = w;
    const { leadId, dealId } = await convertedLead(w);

    // The deal opens under the conversion's id, with the lead's source, owner and facts.
    const opened = await deals.waitForEvent(dealId, 'OpportunityOpened');
    expect(opened).toMatchObject({
      origin: 'lead_conversion',
      lead: {
        leadId,
        source: 'webinar',
        contactPerson: 'Ingrid Lund',
        tags: [],
        score: expect.any(Number),
        capturedAt: expect.any(String),
      },
      name: 'Nordfrakt AB',
      account: 'Nordfrakt AB',
      amount: EUR(4_000_000),
      owner: 'ingrid',
      team: 'emea-north',
      region: 'EMEA',
      stageId: 'qualify',
    });
    expect(await deals.detail(ingrid, dealId)).toMatchObject({
      id: dealId,
      origin: 'lead_conversion',
      lead: { leadId, source: 'webinar' },
      team: 'emea-north',
      region: 'EMEA',
      owner: 'ingrid',
      leader: 'ingrid',
      stage: 'qualify',
      amount: EUR(4_000_000),
    });
    const bySource = await eventually(async () => {
      const listed = await sales.app.request('GET', '/opportunities?source=webinar', { token: ingrid });
      return listed.body?.items?.length > 0 ? (listed.body.items as Record<string, unknown>[]) : undefined;
    });
    expect(bySource.map((deal) => [deal['id'], deal['leadId'], deal['source']])).toEqual([[dealId, leadId, 'webinar']]);
    const closeDate = await sales.app.request('PATCH', `/opportunities/${dealId}`, {
      token: ingrid,
      body: { closeDate: '2026-06-30', reason: 'Budget signed off in June' },
    });
    expect(closeDate.status).toBe(200);
    expect((await deals.column(maria, 'qualify', (c) => c.count === 1)).totals).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 4_000_000, weightedMinor: 400_000 },
    ]);
    await deals.bucket(maria, '2026-06', 'pipeline', (b) => b.count === 1);
    await deals.inbox(ingrid, dealId, (v) => v.leading && v.seats?.join() === 'ar');

    // The triangle forms without an SR; the bid stage asks for one and nothing is written.
    const triangle = { ar: 'ingrid', fr: 'fia', sponsor: 'maria' };
    expect((await deals.put(ingrid, `/opportunities/${dealId}/triangle`, triangle)).status).toBe(200);
    await deals.inbox(maria, dealId, (v) => v.seats?.join() === 'sponsor' && !v.leading);
    const before = await deals.types(dealId);
    expectCode(await deals.post(ingrid, `/opportunities/${dealId}/stage`, { stage: 'bid' }), 409, 'GATE_SR_REQUIRED');
    expect(await deals.types(dealId)).toEqual(before);
    const withSr = { ...triangle, sr: 'sven' };
    expect((await deals.put(ingrid, `/opportunities/${dealId}/triangle`, withSr)).status).toBe(200);
    await deals.inbox(sven, dealId, (v) => v.seats?.join() === 'sr' && !v.leading);
    const bid = await deals.post(ingrid, `/opportunities/${dealId}/stage`, { stage: 'bid', reason: 'Solution agreed' });
    expect(bid.status).toBe(200);
    await deals.column(maria, 'qualify', (c) => c.count === 0);
    expect((await deals.column(maria, 'bid', (c) => c.count === 1)).totals).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 4_000_000, weightedMinor: 2_000_000 },
    ]);
    await deals.bucket(maria, '2026-06', 'best_case', (b) => b.count === 1 && b.totals[0]?.amountMinor === 4_000_000);
    await deals.bucket(maria, '2026-06', 'pipeline', (b) => b.count === 0);

    // The AR hands the lead to the SR; it waits in the SR's inbox until accepted.
    const asked = await deals.post(ingrid, `/opportunities/${dealId}/handoffs`, {
      to: 'sven',
      phase: 'bid',
      notes: 'Pilot in Q3',
      openItems: ['Confirm fleet size'],
    });
    expect(asked.status).toBe(201);
    const handoffId = asked.body.handoffId as string;
    await deals.inbox(sven, dealId, (v) => v.waiting.join() === handoffId);
    await deals.inbox(maria, dealId, (v) => v.waiting.join() === handoffId, '/people/sven/inbox');
    expect((await deals.post(sven, `/opportunities/${dealId}/handoffs/${handoffId}/accept`)).status).toBe(200);
    await deals.inbox(sven, dealId, (v) => v.leading && v.waiting.length === 0);
    await deals.inbox(ingrid, dealId, (v) => !v.leading && v.seats?.join() === 'ar');
    expect(await deals.detail(maria, dealId, (d) => d['leader'] === 'sven')).toMatchObject({
      handoffs: [expect.objectContaining({ handoffId, from: 'ingrid', to: 'sven', status: 'accepted' })],
    });

    // 40 units at 1 000.00 EUR, 20 % off: above the 15 % threshold, so a sales manager approves before it is sent.
    const line = { sku: 'TLM-100', description: 'Telematics unit', quantity: 40, unitPrice: EUR(100_000) };
    const quote = await deals.post(sven, `/opportunities/${dealId}/quotes`, {
      lines: [{ ...line, discountBp: 2000 }],
      validUntil: '2099-12-31',
    });
    expect(quote.body).toMatchObject({ version: 1, needsApproval: true, totalMinor: 3_200_000, currency: 'EUR' });
    expectCode(await deals.post(sven, `/opportunities/${dealId}/quotes/1/send`), 409, 'QUOTE_NEEDS_APPROVAL');
    expect((await deals.post(sven, `/opportunities/${dealId}/quotes/1/request-approval`)).status).toBe(200);
    await deals.inbox(maria, dealId, (v) => v.approvals.join() === '1');
    await deals.inbox(sven, dealId, (v) => v.approvals.length === 0);
    const approved = await deals.post(maria, `/opportunities/${dealId}/quotes/1/approve`, { note: 'Strategic' });
    expect(approved.status).toBe(200);
    await deals.inbox(maria, dealId, (v) => v.approvals.length === 0);
    expect((await deals.post(sven, `/opportunities/${dealId}/quotes/1/send`)).status).toBe(200);
    expect((await deals.post(sven, `/opportunities/${dealId}/stage`, { stage: 'negotiate' })).status).toBe(200);
    await deals.column(maria, 'negotiate', (c) => c.count === 1 && c.totals[0]?.weightedMinor === 3_000_000);
    await deals.bucket(maria, '2026-06', 'commit', (b) => b.count === 1);

    // Won with the sent quote: the board's won column and the closed forecast hold it; nobody leads an open deal.
    const won = await deals.post(sven, `/opportunities/${dealId}/win`, { quoteVersion: 1 });
    expect(won.status).toBe(200);
    const closed = await deals.detail(maria, dealId, (d) => d['status'] === 'won');
    expect(closed).toMatchObject({ stage: 'won', wonQuoteVersion: 1, forecastCategory: 'closed' });
    const amount = (closed['amount'] as { amountMinor: number }).amountMinor;
    await deals.column(maria, 'won', (c) => c.count === 1 && c.totals[0]?.amountMinor === amount);
    await deals.column(maria, 'negotiate', (c) => c.count === 0);
    await deals.bucket(maria, '2026-06', 'closed', (b) => b.count === 1 && b.totals[0]?.weightedMinor === amount);
    for (const token of [ingrid, sven, maria]) await deals.inbox(token, dealId, (v) => !v.leading && v.seats === null);
    // The loop back to lead quality: the webinar's leads won this deal, at its value.
    await eventually(async () => {
      const bySource = await sales.app.request('GET', '/analytics/leads/conversion-by-source', { token: maria });
      const webinar = (bySource.body?.sources ?? []).find((row: { source: string }) => row.source === 'webinar');
      return webinar?.wonDeals === 1 && webinar.wonValue?.[0]?.amountMinor === amount ? true : undefined;
    });

    const timeline = (closed['timeline'] as { type: string }[]).map((t) => t.type);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'OpportunityOpened',
        'OpportunityCloseDateChanged',
        'TriangleFormed',
        'OpportunityStageChanged',
        'HandoffRequested',
        'HandoffAccepted',
        'QuoteVersionCreated',
        'QuoteApprovalRequested',
        'QuoteApproved',
        'QuoteSent',
        'OpportunityWon',
      ]),
    );
    expect(timeline[0]).toBe('OpportunityOpened');
    const entries = closed['timeline'] as { type: string; actor: string; seat: string | null; reason: string | null }[];
    expect(entries.find((t) => t.type === 'OpportunityStageChanged')).toMatchObject({
      actor: 'ingrid',
      seat: 'ar',
      reason: 'Solution agreed',
    });
    expect(entries.find((t) => t.type === 'OpportunityOpened')).toMatchObject({ actor: 'system' });
    expect(timeline.at(-1)).toBe('OpportunityWon');
  }, 120_000);

  it('a conversion the process manager handles again (its checkpoint lost) opens its deal once', async () => {
    const { dealId } = await convertedLead(w);
    await w.deals.waitForEvent(dealId, 'OpportunityOpened');
    const { app } = w.sales;
    await app.close();
    const readModels = new Database(dataFiles(app.dataDir).readModels);
    const lost = readModels.prepare("delete from projection_checkpoints where name = 'opportunity_conversion'").run();
    expect(lost.changes).toBe(1);
    readModels.close();
    w = { ...w, sales: await Sales.start(undefined, { dataDir: app.dataDir }) };
    w = { ...w, deals: new Deals(w.sales) };
    await eventually(async () => {
      const statuses = (await w.sales.app.request('GET', '/projections', { token: w.sales.auditor })).body as {
        name: string;
        lag: string;
      }[];
      return statuses.find((s) => s.name === 'opportunity_conversion')?.lag === '0' ? true : undefined;
    }, 30_000);
    expect(await w.deals.types(dealId)).toEqual(['OpportunityOpened']);
  }, 120_000);
});

describe('An unanswered handoff over HTTP', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('is flagged overdue to the sponsor after a two-second target, then escalated to the AR’s sales manager', async () => {
    const { sales, deals, ingrid, sven, maria } = w;
    const builtIn = await sales.app.request('GET', '/pipelines/default', { token: maria });
    const { pipelineId: _id, version: _version, ...definition } = builtIn.body;
    const fast = { ...definition, handoffAcceptanceTargetSeconds: 2, overdueEscalationSeconds: 2 };
    expect((await deals.put(maria, '/pipelines/default', fast)).status).toBe(200);

    const opened = await deals.post(ingrid, '/opportunities', { name: 'Fleet expansion', account: 'Nordfrakt AB' });
    expect(opened.status).toBe(201);
    const dealId = opened.body.id as string;
    const triangle = { ar: 'ingrid', sr: 'sven', sponsor: 'maria' };
    expect((await deals.put(ingrid, `/opportunities/${dealId}/triangle`, triangle)).status).toBe(200);

    // One handoff nobody answers, one accepted at once: only the first is flagged.
    const asked = await deals.post(ingrid, `/opportunities/${dealId}/handoffs`, { to: 'sven', phase: 'bid' });
    expect(asked.status).toBe(201);
    const handoffId = asked.body.handoffId as string;

    const overdue = await deals.waitForEvent(dealId, 'HandoffOverdue', 20_000);
    expect(overdue).toMatchObject({ handoffId, to: 'sven', sponsor: 'maria' });
    const escalated = await deals.waitForEvent(dealId, 'HandoffEscalated', 20_000);
    expect(escalated).toMatchObject({ handoffId, escalatedTo: 'maria' });
    await deals.inbox(maria, dealId, (v) => v.sponsorAlerts.join() === handoffId && v.escalations.join() === handoffId);
    await deals.inbox(sven, dealId, (v) => v.waiting.join() === handoffId);
    expect(await deals.handoffs(maria, 'overdue')).toContain(handoffId);
    const detail = await deals.detail(
      maria,
      dealId,
      (d) => (d['timeline'] as { type: string }[] | undefined)?.some((t) => t.type === 'HandoffEscalated') === true,
    );
    const flagged = (detail['timeline'] as { type: string; actor: string }[]).filter((t) =>
      t.type.startsWith('Handoff'),
    );
    expect(flagged.map((t) => [t.type, t.actor])).toEqual([
      ['HandoffRequested', 'ingrid'],
      ['HandoffOverdue', 'system'],
      ['HandoffEscalated', 'system'],
    ]);

    // Accepted late, its timers are done; a handoff answered in time has both timers cancelled.
    expect((await deals.post(sven, `/opportunities/${dealId}/handoffs/${handoffId}/accept`)).status).toBe(200);
    const back = await deals.post(sven, `/opportunities/${dealId}/handoffs`, { to: 'ingrid', phase: 'opportunity' });
    expect(back.status).toBe(201);
    const backId = back.body.handoffId as string;
    expect((await deals.post(ingrid, `/opportunities/${dealId}/handoffs/${backId}/accept`)).status).toBe(200);
    for (const step of [1, 2]) {
      await eventually(async () => {
        const timer = await sales.events(`timer-handoff-overdue-${backId}-${step}`);
        return timer.some((e) => e.type === 'TimerCancelled' || e.type === 'TimerFired') ? true : undefined;
      }, 15_000);
    }
    expect(await deals.handoffs(maria, 'overdue')).not.toContain(backId);
  }, 90_000);

  it('stops watching a handoff still pending when its deal is lost', async () => {
    const { sales, deals, ingrid, maria } = w;
    const builtIn = await sales.app.request('GET', '/pipelines/default', { token: maria });
    const { pipelineId: _id, version: _version, ...definition } = builtIn.body;
    const slow = { ...definition, name: 'Renewals', handoffAcceptanceTargetSeconds: 3600 };
    expect((await deals.put(maria, '/pipelines/renewals', slow)).status).toBe(200);
    const opened = await deals.post(ingrid, '/opportunities', { name: 'Renewal 2027', pipeline: 'renewals' });
    expect(opened.status).toBe(201);
    const dealId = opened.body.id as string;
    const triangle = { ar: 'ingrid', sr: 'sven', sponsor: 'maria' };
    expect((await deals.put(ingrid, `/opportunities/${dealId}/triangle`, triangle)).status).toBe(200);
    const asked = await deals.post(ingrid, `/opportunities/${dealId}/handoffs`, { to: 'sven', phase: 'bid' });
    const handoffId = asked.body.handoffId as string;
    for (const step of [1, 2]) await sales.timerScheduled(`handoff-overdue-${handoffId}-${step}`);

    expect((await deals.post(ingrid, `/opportunities/${dealId}/lose`, { reasonCode: 'price' })).status).toBe(200);
    for (const step of [1, 2]) {
      const cancelled = await eventually(async () => {
        const timer = await sales.events(`timer-handoff-overdue-${handoffId}-${step}`);
        return timer.find((e) => e.type === 'TimerCancelled');
      }, 15_000);
      expect(cancelled).toBeDefined();
    }
  }, 60_000);
});
