import { ManualClock } from '#ltc/clock';
import { createTestSchema, describeWithPostgres, type TestSchema } from '#ltc/testing';
import { dataFiles } from './support/lead-read-models.js';
import { postgresTables, sqliteTables, type TableSnapshot } from './support/read-model-tables.js';
import { quiet, rebuildEverything } from './support/rebuild-all.js';
import { eventually, type TestAppOptions } from './support/test-app.js';
import { Sales } from './support/sales-world.js';
import { ServiceWorld } from './support/service-world.js';

/**
 * Every read model and routing's own tables (the distribution ledger and its decisions,
 * the leads waiting for a rep, attempts due, notifications and their digests) are a fold
 * of the log: after a working day of a sales team — assignments, a team at capacity,
 * deferrals, contact attempts, a disqualification that frees room, a breach that
 * reassigns, a shark-tank pool — rebuilding each of them from scratch gives back exactly
 * the rows the live engine wrote. Both read-model databases.
 */

/** A morning of one sales team, driven over HTTP with a clock the test moves. */
async function workingDay(sales: Sales, clock: ManualClock): Promise<void> {
  await sales.team('north', 'mona');
  for (const id of ['ana', 'bo']) {
    await sales.rep(id, { team: 'north', capacity: { maxOpenLeads: 2, dailyQuota: 0 } });
  }
  await sales.rep('cleo');
  await sales.policy(
    { responseTargetSeconds: { default: 10 }, warningPercent: 50, escalation: 'notify_manager_and_reassign' },
    'north',
  );
  await sales.policy({ method: 'shark_tank' });

  const north: string[] = [];
  for (let i = 0; i < 6; i++) north.push(await sales.capture({ team: 'north' }));
  const pooled = await sales.capture();
  await sales.waitFor(pooled, 'LeadPooled');
  // Four leads fit (two each); the other two wait for room.
  await eventually(async () => {
    const waiting = await sales.app.request('GET', '/leads/unassigned', { token: sales.manager });
    return waiting.body.items?.length >= 2 ? true : undefined;
  }, 15_000);
  await quiet(sales.app);

  const owned = await Promise.all(
    north.map(async (id) => ({ id, owner: (await sales.events(`lead-${id}`)).find((e) => e.type === 'LeadAssigned') })),
  );
  const [first, second] = owned.filter((lead) => lead.owner !== undefined);
  if (!first?.owner || !second?.owner) throw new Error('expected two assigned leads');
  const firstOwner = await sales.repToken(String(first.owner.data.repId));
  const attempt = await sales.app.request('POST', `/leads/${first.id}/attempts`, {
    token: firstOwner,
    body: { channel: 'phone', outcome: 'no_answer' },
  });
  expect(attempt.status).toBe(200);
  const disqualified = await sales.app.request('POST', `/leads/${second.id}/disqualify`, {
    token: sales.manager,
    body: { reasonCode: 'no_budget' },
  });
  expect(disqualified.status).toBe(200);
  await quiet(sales.app);

  // Warnings, then breaches: the manager is told and the late leads move on.
  clock.advance(5_000);
  await quiet(sales.app);
  clock.advance(5_000);
  await quiet(sales.app);
  const owner = String(first.owner.data.repId);
  const won = await dealAfternoon(sales, clock, { id: first.id, owner });
  await contractEvening(sales, clock, { id: won, owner });
  await serviceNight(sales, clock, won);
}

/**
 * An afternoon of the same team's deals: a converted lead opens its deal, the triangle forms, the
 * lead passes AR → SR, a discounted quote is approved and sent, the deal is won; a second deal,
 * opened directly, is lost; a third waits on a handoff nobody answers until it is overdue and escalated.
 */
async function dealAfternoon(
  sales: Sales,
  clock: ManualClock,
  converted: { id: string; owner: string },
): Promise<string> {
  const app = sales.app;
  for (const [id, roles] of [
    ['sam', ['sr']],
    ['fia', ['fr']],
  ] as const) {
    await sales.rep(id, { team: 'north', roles });
  }
  const ana = await sales.repToken('ana');
  const owner = await sales.repToken(converted.owner);
  const sam = await app.token(['sr'], 'sam');
  const approver = await app.token(['sales_manager'], 'magnus');
  const ok = async (response: Promise<{ status: number; body: Record<string, unknown> }>, status = 200) => {
    const answered = await response;
    expect({ status: answered.status, body: answered.body }).toMatchObject({ status });
    return answered.body;
  };
  const post = (token: string, path: string, body: unknown = {}) => app.request('POST', path, { token, body });

  const {
    pipelineId: _id,
    version: _version,
    ...definition
  } = (await app.request('GET', '/pipelines/default', { token: sales.manager })).body as Record<string, unknown>;
  await ok(
    app.request('PUT', '/pipelines/renewals', {
      token: sales.manager,
      body: { ...definition, name: 'Renewals', discountApprovalThresholdBp: 500 },
    }),
  );
  const qualified = { budget: 'Approved', authority: 'COO', need: 'Fleet', timeline: 'Q3' };
  await ok(post(sales.manager, `/leads/${converted.id}/qualify`, qualified));
  const conversion = await ok(post(sales.manager, `/leads/${converted.id}/convert`, {}));
  const won = String(conversion['dealId']);
  await eventually(async () => ((await sales.events(`opportunity-${won}`)).length > 0 ? true : undefined), 15_000);

  await ok(
    app.request('PUT', `/opportunities/${won}/triangle`, {
      token: sales.manager,
      body: { ar: converted.owner, sr: 'sam', fr: 'fia', sponsor: 'mona' },
    }),
  );
  await ok(post(owner, `/opportunities/${won}/stage`, { stage: 'develop_solution', reason: 'Needs confirmed' }));
  await ok(post(owner, `/opportunities/${won}/stage`, { stage: 'bid' }));
  const handoff = await ok(post(owner, `/opportunities/${won}/handoffs`, { to: 'sam', phase: 'bid' }), 201);
  clock.advance(3_600_000);
  await ok(post(sam, `/opportunities/${won}/handoffs/${String(handoff['handoffId'])}/accept`));
  const line = { sku: 'TLM-100', description: 'Telematics unit', quantity: 40, discountBp: 2000 };
  await ok(
    post(sam, `/opportunities/${won}/quotes`, {
      lines: [{ ...line, unitPrice: { amountMinor: 100_000, currency: 'EUR' } }],
      validUntil: '2026-04-30',
    }),
    201,
  );
  await ok(post(sam, `/opportunities/${won}/quotes/1/request-approval`));
  await ok(post(approver, `/opportunities/${won}/quotes/1/approve`, { note: 'Strategic account' }));
  await ok(post(sam, `/opportunities/${won}/quotes/1/send`));
  await ok(post(sam, `/opportunities/${won}/bid`, { quoteVersion: 1 }));
  await ok(post(sam, `/opportunities/${won}/stage`, { stage: 'negotiate' }));
  await ok(post(sam, `/opportunities/${won}/win`, { quoteVersion: 1, reason: 'Signed' }));

  const lost = String(
    (
      await ok(
        post(ana, '/opportunities', {
          name: 'Cold chain sensors',
          account: 'Frostline Oy',
          amount: { amountMinor: 1_250_000, currency: 'SEK' },
          closeDate: '2026-05-31',
        }),
        201,
      )
    )['id'],
  );
  await ok(
    app.request('PATCH', `/opportunities/${lost}`, {
      token: ana,
      body: { closeDate: '2026-06-30', reason: 'Budget moved to Q2' },
    }),
  );
  await ok(post(ana, `/opportunities/${lost}/lose`, { reasonCode: 'price', competitor: 'Coldwatch' }));

  const stalled = String(
    (
      await ok(
        post(ana, '/opportunities', { name: 'Depot telematics', amount: { amountMinor: 900_000, currency: 'EUR' } }),
        201,
      )
    )['id'],
  );
  await ok(
    app.request('PUT', `/opportunities/${stalled}/triangle`, {
      token: sales.manager,
      body: { ar: 'ana', sr: 'sam', fr: null, sponsor: 'mona' },
    }),
  );
  await ok(
    post(ana, `/opportunities/${stalled}/handoffs`, { to: 'sam', phase: 'bid', openItems: ['Depot count'] }),
    201,
  );
  await quiet(sales.app);
  clock.advance(24 * 3_600_000 + 1_000);
  await eventually(async () => {
    const types = (await sales.events(`opportunity-${stalled}`)).map((e) => e.type);
    return types.includes('HandoffOverdue') ? true : undefined;
  }, 15_000);
  clock.advance(24 * 3_600_000 + 1_000);
  await eventually(async () => {
    const types = (await sales.events(`opportunity-${stalled}`)).map((e) => e.type);
    return types.includes('HandoffEscalated') ? true : undefined;
  }, 15_000);
  await quiet(sales.app);
  return won;
}

/**
 * The won deal's contract (drafted by the process manager) signed, handed over to fia, who takes
 * the deal's lead; an order partly delivered and accepted, invoiced, overdue and paid in part, so
 * that the contract's every table has rows.
 */
async function contractEvening(sales: Sales, clock: ManualClock, won: { id: string; owner: string }): Promise<void> {
  const app = sales.app;
  const ar = await sales.repToken(won.owner);
  const fia = await app.token(['fr'], 'fia');
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  const ok = async (response: Promise<{ status: number; body: Record<string, unknown> }>) => {
    const answered = await response;
    expect({ status: answered.status < 300 ? 'ok' : answered.status, body: answered.body }).toMatchObject({
      status: 'ok',
    });
    return answered.body;
  };
  const post = (token: string, path: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const contract = `/contracts/${won.id}`;
  const events = async () => await sales.events(`contract-${won.id}`);
  await eventually(async () => ((await events()).some((e) => e.type === 'ContractDrafted') ? true : undefined), 15_000);

  const quote = (await events()).find((e) => e.type === 'ContractDrafted')?.data['quoteTotal'] as {
    amountMinor: number;
  };
  await ok(
    post(ar, `${contract}/sign`, {
      value: eur(quote.amountMinor),
      paymentTerms: { kind: 'net', days: 30 },
      signedOn: '2026-03-03',
      signatory: 'Dana Berg, CFO',
      quoteVersion: 1,
    }),
  );
  const attendees = [won.owner, 'sam', 'fia', 'mona'];
  await ok(post(ar, `${contract}/handover-meeting`, { scheduledAt: '2026-03-04T10:00:00.000Z', attendees }));
  clock.advance(3_600_000);
  await ok(
    post(ar, `${contract}/handover-meeting/held`, {
      attendeesPresent: attendees,
      notes: 'Two waves',
      openItems: [{ description: 'Depot list', owner: 'fia' }],
      risks: [],
    }),
  );
  const execution = await eventually(async () => {
    const deal = await sales.events(`opportunity-${won.id}`);
    return deal.find((e) => e.type === 'HandoffRequested' && e.data['to'] === 'fia')?.data;
  }, 15_000);
  await ok(post(fia, `/opportunities/${won.id}/handoffs/${String(execution['handoffId'])}/accept`));

  const line = { sku: 'TLM-100', description: 'Telematics unit', quantity: 10, unitPrice: eur(100_000) };
  const order = await ok(post(fia, `${contract}/purchase-orders`, { lines: [line], orderedOn: '2026-03-05' }));
  const po = `${contract}/purchase-orders/${String(order['purchaseOrderId'])}`;
  const items = [{ sku: 'TLM-100', quantity: 4 }];
  await ok(post(fia, `${po}/deliveries`, { value: eur(400_000), items, deliveredOn: '2026-03-06' }));
  await ok(post(fia, `${po}/acceptances`, { accepted: eur(400_000), rejected: eur(0), answeredOn: '2026-03-07' }));
  // Due a minute from now, then the clock passes it: overdue in the AR's inbox.
  const dueAt = new Date(clock.now().getTime() + 60_000).toISOString();
  const invoice = await ok(post(ar, `${contract}/invoices`, { amount: eur(400_000), issuedOn: '2026-03-07', dueAt }));
  const invoiceId = String(invoice['invoiceId']);
  await eventually(async () => {
    clock.advance(30_000);
    return (await events()).some((e) => e.type === 'InvoiceOverdue') ? true : undefined;
  }, 15_000);
  await ok(post(ar, `${contract}/invoices/${invoiceId}/payments`, { amount: eur(150_000), receivedOn: '2026-03-20' }));
  await quiet(sales.app);
}

/**
 * A night of the service desk: a ticket under the won contract's entitlement breaches its response
 * target and escalates; another waits for the customer, is re-graded, gets an OLA task that goes
 * overdue, a resolution plan, is resolved, verified, closed and called back; it raises a product
 * requirement and a lead.
 */
async function serviceNight(sales: Sales, clock: ManualClock, contractId: string): Promise<void> {
  const w = await ServiceWorld.on(sales);
  await w.policy();
  await w.put(`/service-entitlements/${contractId}`, { policyId: 'default', warrantyEndsOn: '2027-03-01' });
  const breaching = await w.ticket({ priority: 'P1', contractId });
  await w.armed(breaching, 'response', ['warn', 'breach']);
  clock.advance(11 * 60_000);
  await w.waitFor(breaching, 'TicketSlaBreached');

  const worked = await w.ticket({ impact: 'medium', urgency: 'low' });
  await w.ok(w.ali, `/tickets/${worked}/respond`, { message: 'On it' });
  await w.ok(w.ali, `/tickets/${worked}/wait`, { reason: 'customer' });
  clock.advance(30 * 60_000);
  await w.ok(w.ali, `/tickets/${worked}/resume`);
  await w.ok(w.ali, `/tickets/${worked}/grade`, { priority: 'P2', reason: 'More units affected' });
  await w.ok(w.ali, `/tickets/${worked}/escalate`, { toLine: 2, reason: 'Firmware', group: 'experts' });
  const task = await w.ok(w.eric, `/tickets/${worked}/tasks`, {
    title: 'Logs',
    kind: 'analysis',
    line: 2,
    group: 'experts',
  });
  await sales.timerScheduled(`ola-${worked}-${String(task['taskId'])}`);
  clock.advance(121 * 60_000);
  await w.waitFor(worked, 'TicketTaskOverdue');
  await w.ok(w.eric, `/tickets/${worked}/tasks/${String(task['taskId'])}/complete`, {});
  await w.ok(w.eric, `/tickets/${worked}/plan`, { summary: 'Patch', steps: ['Build', 'Roll out'] });
  await w.ok(w.sam, `/tickets/${worked}/plan/assess`, { decision: 'approved' });
  await w.ok(w.eric, `/tickets/${worked}/plan/implemented`, {});
  await w.ok(w.eric, `/tickets/${worked}/resolve`, { resolution: 'Patched' });
  await w.ok(w.sam, `/tickets/${worked}/verify`, { rootCause: 'Bug', preventiveAction: 'Test', noNewProblems: true });
  await w.ok(w.sam, `/tickets/${worked}/close`);
  await w.ok(w.sam, `/tickets/${worked}/callback`, { satisfaction: 5, comment: 'Great' });
  await w.ok(w.eric, `/tickets/${worked}/product-requirements`, {
    title: 'Watchdog',
    description: 'Reboot hung modems',
  });
  const spawned = await w.ok(w.ali, `/tickets/${worked}/spawn-lead`, {
    name: 'More units',
    email: 'more@nordfrakt.example',
  });
  await w.waitFor(worked, 'TicketLeadSpawned');
  await sales.waitFor(String(spawned['leadId']), 'LeadScored');
  await quiet(sales.app);
}

/**
 * Tables the day must leave with rows, so that their comparison proves something. The leads that
 * waited for room in the morning (`lead_routing_waits`, asserted there) are all routed by the
 * afternoon: that table ends empty, live and rebuilt alike.
 */
const FILLED_TABLES = [
  'lead_distribution_ledger',
  'lead_distribution_decisions',
  'lead_attempts_due',
  'lead_notifications',
  'lead_notification_digest_leads',
  'lead_notification_digest_counts',
  'lead_won_deals',
  'opportunity_pipelines',
  'opportunity_list',
  'opportunity_forecast_history',
  'opportunity_members',
  'opportunity_handoffs',
  'opportunity_quote_approvals',
  'opportunity_stage_periods',
  'opportunity_invoices_overdue',
  'contract_list',
  'contract_invoices',
  'contract_pipeline_length',
  'service_configurations',
  'service_group_members',
  'service_tickets',
  'service_ola_tasks',
  'service_product_requirements',
  'data_subject_contacts',
];

function expectRebuiltEqualsLive(live: TableSnapshot, rebuilt: TableSnapshot): void {
  expect(Object.keys(rebuilt)).toEqual(Object.keys(live));
  for (const table of FILLED_TABLES)
    expect({ table, filled: (live[table]?.length ?? 0) > 0 }).toEqual({ table, filled: true });
  for (const [table, rows] of Object.entries(live)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows });
}

function describeRebuild(
  name: string,
  setup: () => Promise<{ options: TestAppOptions; tables: (dataDir: string) => Promise<TableSnapshot> }>,
): void {
  describe(name, () => {
    let sales: Sales | undefined;
    afterEach(() => sales?.app.destroy());

    it('rebuilding every read model and routing’s own tables from scratch gives the rows the live engine wrote', async () => {
      const { options, tables } = await setup();
      const clock = new ManualClock('2026-03-02T09:00:00.000Z');
      sales = await Sales.start(clock, options);
      await workingDay(sales, clock);
      const live = await tables(sales.app.dataDir);

      await rebuildEverything(sales.app);
      expectRebuiltEqualsLive(live, await tables(sales.app.dataDir));
    }, 120_000);
  });
}

describeRebuild('Rebuild equals live › SQLite read models', async () => ({
  options: {},
  tables: async (dataDir) => sqliteTables(dataFiles(dataDir).readModels),
}));

await describeWithPostgres('Rebuild equals live › PostgreSQL read models', (url) => {
  let schema: TestSchema;
  afterAll(() => schema?.drop());
  describeRebuild('on a schema of its own', async () => {
    schema = await createTestSchema(url, 'rebuild');
    const separator = url.includes('?') ? '&' : '?';
    const readModelUrl = `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    return { options: { readModelUrl }, tables: () => postgresTables(url, schema.name) };
  });
});
