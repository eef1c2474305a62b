import { ManualClock } from '#ltc/clock';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Lead analytics over HTTP, driven by a ManualClock: leads from several sources are
 * assigned by a manager, contacted after known delays, qualified, converted and
 * disqualified; speed to lead, conversion by source and distribution fairness must
 * show exactly that history.
 */

const T0 = '2026-03-02T09:00:00.000Z';
const SPEED = '/analytics/leads/speed-to-lead';
const CONVERSION = '/analytics/leads/conversion-by-source';
const DISTRIBUTION = '/analytics/leads/distribution';

type Json = Record<string, unknown>;

class Sales {
  private captured = 0;

  constructor(
    readonly app: TestApp,
    readonly clock: ManualClock,
    readonly manager: string,
  ) {}

  async post(path: string, body: unknown, token = this.manager): Promise<Json> {
    const response = await this.app.request('POST', path, { token, body });
    expect([200, 201]).toContain(response.status);
    return response.body as Json;
  }

  async get(path: string, token = this.manager): Promise<{ status: number; body: Json }> {
    const response = await this.app.request('GET', path, { token });
    return { status: response.status, body: response.body as Json };
  }

  /** Registers a rep in a team and waits until the organisation's read model has them. */
  async rep(id: string, team: string, maxOpenLeads: number): Promise<void> {
    await this.post('/reps', {
      id,
      name: id,
      email: `${id}@acme.example`,
      roles: ['ar'],
      team,
      capacity: { maxOpenLeads, dailyQuota: 0 },
    });
    await eventually(async () => ((await this.get(`/reps/${id}`)).status === 200 ? true : undefined));
  }

  /** Captures a lead (each from its own contact) and waits until it is scored. */
  async capture(source: string): Promise<string> {
    this.captured += 1;
    const body = { name: `Cold chain ${this.captured}`, email: `buyer${this.captured}@polar.example`, source };
    const id = (await this.post('/leads', body))['id'] as string;
    await eventually(async () => ((await this.get(`/leads/${id}`)).body['score'] != null ? true : undefined));
    return id;
  }

  assign(leadId: string, repId: string): Promise<Json> {
    return this.post(`/leads/${leadId}/assign`, { repId });
  }

  async attempt(leadId: string, repId: string): Promise<void> {
    const token = await this.app.token(['ar'], repId);
    await this.post(`/leads/${leadId}/attempts`, { channel: 'phone', outcome: 'reached' }, token);
  }

  async qualify(leadId: string): Promise<void> {
    await this.post(`/leads/${leadId}/qualify`, {
      budget: 'EUR 200k',
      authority: 'CFO',
      need: 'cold chain',
      timeline: 'Q3',
    });
  }

  /** Polls a report until `ready` holds (read models are eventually consistent). */
  report(path: string, ready: (body: Json) => boolean, token = this.manager): Promise<Json> {
    return eventually(async () => {
      const { status, body } = await this.get(path, token);
      return status === 200 && ready(body) ? body : undefined;
    }, 15_000);
  }
}

const figures = (body: Json): Json => body['total'] as Json;
const groups = (body: Json): Json[] => body['groups'] as Json[];

describe('Lead analytics over HTTP', () => {
  let sales: Sales;
  const leads: Record<string, string> = {};

  beforeAll(async () => {
    const clock = new ManualClock(T0);
    const app = await startTestApp({ clock });
    sales = new Sales(app, clock, await app.token(['sales_manager'], 'maria'));
    // A manual policy: routing leaves every lead for the manager to assign.
    const policy = await app.request('PUT', '/distribution-policies/default', {
      token: sales.manager,
      body: { method: 'manual' },
    });
    expect(policy.status).toBe(200);
    for (const team of ['north', 'south']) await sales.post('/teams', { id: team, name: team, managerId: 'maria' });
    await sales.rep('ana', 'north', 3);
    await sales.rep('bo', 'north', 10);
    await sales.rep('cleo', 'south', 5);
    for (const [name, source] of [
      ['W1', 'website'],
      ['W2', 'website'],
      ['W3', 'website'],
      ['W4', 'website'],
      ['R1', 'referral_customer'],
      ['R2', 'referral_customer'],
      ['L1', 'lead_list'],
      ['L2', 'lead_list'],
      ['L3', 'lead_list'],
      ['E1', 'email_campaign'],
    ] as const) {
      leads[name] = await sales.capture(source);
    }
  }, 60_000);
  afterAll(() => sales.app.destroy());

  const id = (name: string): string => leads[name] ?? '';

  it('measures speed to lead: nearest-rank median and p90, within target, waiting and overdue', async () => {
    const owners = { W1: 'ana', W2: 'bo', W3: 'ana', W4: 'cleo', R1: 'bo', R2: 'ana', L1: 'cleo', L2: 'ana' };
    for (const [lead, rep] of Object.entries(owners)) await sales.assign(id(lead), rep);
    sales.clock.advance(30_000);
    await sales.attempt(id('W1'), 'ana');
    sales.clock.advance(30_000);
    await sales.attempt(id('W2'), 'bo');
    await sales.attempt(id('R1'), 'bo');
    sales.clock.advance(60_000);
    await sales.attempt(id('W3'), 'ana');
    await sales.attempt(id('R2'), 'ana');
    // Far past any tier's response target (at most a day); L3 is assigned only now.
    sales.clock.set(new Date(Date.parse(T0) + 200_000_000));
    await sales.attempt(id('W4'), 'cleo');
    await sales.assign(id('L3'), 'bo');

    const bySource = await sales.report(SPEED, (b) => figures(b)['assignments'] === 9 && figures(b)['contacted'] === 6);
    expect(bySource).toMatchObject({
      groupBy: 'source',
      asOf: '2026-03-04T16:33:20.000Z',
      percentileMethod: 'nearest-rank',
      window: { from: null, before: null },
    });
    expect(figures(bySource)).toEqual({
      assignments: 9,
      contacted: 6,
      medianSeconds: 60,
      p90Seconds: 200_000,
      withinTarget: 5,
      withinTargetShare: 5 / 8,
      waiting: 3,
      overdue: 2,
    });
    expect(groups(bySource)).toEqual([
      {
        key: 'lead_list',
        assignments: 3,
        contacted: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        withinTargetShare: 0,
        waiting: 3,
        overdue: 2,
      },
      {
        key: 'referral_customer',
        assignments: 2,
        contacted: 2,
        medianSeconds: 60,
        p90Seconds: 120,
        withinTarget: 2,
        withinTargetShare: 1,
        waiting: 0,
        overdue: 0,
      },
      {
        key: 'website',
        assignments: 4,
        contacted: 4,
        medianSeconds: 60,
        p90Seconds: 200_000,
        withinTarget: 3,
        withinTargetShare: 0.75,
        waiting: 0,
        overdue: 0,
      },
    ]);

    const byRep = (await sales.get(`${SPEED}?groupBy=rep`)).body;
    expect(groups(byRep).map((g) => [g['key'], g['assignments'], g['medianSeconds'], g['overdue']])).toEqual([
      ['ana', 4, 120, 1],
      ['bo', 3, 60, 0],
      ['cleo', 2, 200_000, 1],
    ]);
    const byTeam = (await sales.get(`${SPEED}?groupBy=team`)).body;
    expect(groups(byTeam).map((g) => [g['key'], g['assignments']])).toEqual([
      ['north', 7],
      ['south', 2],
    ]);
    expect(figures((await sales.get(`${SPEED}?team=north&source=website`)).body)['assignments']).toBe(3);
    expect(figures((await sales.get(`${SPEED}?rep=cleo`)).body)).toMatchObject({ assignments: 2, withinTarget: 0 });
    const lastDays = (await sales.get(`${SPEED}?from=2026-03-03&to=2026-03-04`)).body;
    expect(figures(lastDays)).toMatchObject({ assignments: 1, waiting: 1, overdue: 0 });
    expect(lastDays['window']).toEqual({ from: '2026-03-03T00:00:00.000Z', before: '2026-03-05T00:00:00.000Z' });
  }, 60_000);

  it('shows distribution fairness: assignments by method, open leads against capacity, overload flagged', async () => {
    const report = await sales.report(
      DISTRIBUTION,
      (b) => b['totalAssignments'] === 9 && (b['reps'] as Json[])[0]?.['openLeads'] === 4,
    );
    expect(report).toMatchObject({
      method: null,
      totalAssignments: 9,
      methods: [{ method: 'manual', assignments: 9, share: 1 }],
      overCapacity: ['ana'],
    });
    expect(report['reps']).toEqual([
      {
        repId: 'ana',
        teamId: 'north',
        assignments: 4,
        share: 4 / 9,
        byMethod: [{ method: 'manual', assignments: 4 }],
        openLeads: 4,
        capacity: 3,
        utilisation: 4 / 3,
        overCapacity: true,
      },
      {
        repId: 'bo',
        teamId: 'north',
        assignments: 3,
        share: 3 / 9,
        byMethod: [{ method: 'manual', assignments: 3 }],
        openLeads: 3,
        capacity: 10,
        utilisation: 0.3,
        overCapacity: false,
      },
      {
        repId: 'cleo',
        teamId: 'south',
        assignments: 2,
        share: 2 / 9,
        byMethod: [{ method: 'manual', assignments: 2 }],
        openLeads: 2,
        capacity: 5,
        utilisation: 0.4,
        overCapacity: false,
      },
    ]);
    const roundRobin = (await sales.get(`${DISTRIBUTION}?method=round_robin`)).body;
    expect(roundRobin).toMatchObject({ method: 'round_robin', totalAssignments: 0, methods: [] });
    expect((roundRobin['reps'] as Json[]).map((r) => [r['repId'], r['assignments'], r['share']])).toEqual([
      ['ana', 0, null],
      ['bo', 0, null],
      ['cleo', 0, null],
    ]);
  }, 60_000);

  it('ranks conversion by source over the capture cohort, with rates, top reasons and the tenant average', async () => {
    for (const lead of ['W1', 'W2', 'W3', 'R1']) await sales.qualify(id(lead));
    for (const lead of ['W1', 'W2', 'R1']) await sales.post(`/leads/${id(lead)}/convert`, undefined);
    for (const [lead, reasonCode] of [
      ['W4', 'no_need'],
      ['R2', 'no_budget'],
      ['L1', 'no_budget'],
      ['L2', 'spam'],
    ] as const) {
      await sales.post(`/leads/${id(lead)}/disqualify`, { reasonCode });
    }

    const report = await sales.report(
      CONVERSION,
      (b) => (b['average'] as Json)['disqualified'] === 4 && (b['average'] as Json)['converted'] === 3,
    );
    expect(report['average']).toEqual({
      captured: 10,
      qualified: 4,
      converted: 3,
      disqualified: 4,
      open: 3,
      conversionRate: 0.3,
      qualificationRate: 0.4,
      wonDeals: 0,
      wonValue: [],
    });
    expect(report['sources']).toEqual([
      {
        rank: 1,
        source: 'website',
        captured: 4,
        qualified: 3,
        converted: 2,
        disqualified: 1,
        open: 1,
        conversionRate: 0.5,
        qualificationRate: 0.75,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [{ reasonCode: 'no_need', count: 1 }],
      },
      {
        rank: 2,
        source: 'referral_customer',
        captured: 2,
        qualified: 1,
        converted: 1,
        disqualified: 1,
        open: 0,
        conversionRate: 0.5,
        qualificationRate: 0.5,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [{ reasonCode: 'no_budget', count: 1 }],
      },
      {
        rank: 3,
        source: 'lead_list',
        captured: 3,
        qualified: 0,
        converted: 0,
        disqualified: 2,
        open: 1,
        conversionRate: 0,
        qualificationRate: 0,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [
          { reasonCode: 'no_budget', count: 1 },
          { reasonCode: 'spam', count: 1 },
        ],
      },
      {
        rank: 4,
        source: 'email_campaign',
        captured: 1,
        qualified: 0,
        converted: 0,
        disqualified: 0,
        open: 1,
        conversionRate: 0,
        qualificationRate: 0,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [],
      },
    ]);
    // The cohort is the capture day, though the outcomes came two days later.
    const captureDay = (await sales.get(`${CONVERSION}?to=2026-03-02`)).body;
    expect((captureDay['average'] as Json)['converted']).toBe(3);
    const later = (await sales.get(`${CONVERSION}?from=2026-03-03`)).body;
    expect(later).toMatchObject({ sources: [], average: { captured: 0, conversionRate: null } });
  }, 60_000);

  it('counts a round-robin assignment beside the manual ones, and open leads follow the outcomes', async () => {
    const policy = await sales.app.request('PUT', '/distribution-policies/default', {
      token: sales.manager,
      body: { method: 'round_robin' },
    });
    expect(policy.status).toBe(200);
    const pushed = await sales.capture('email_campaign');
    const report = await sales.report(DISTRIBUTION, (b) => b['totalAssignments'] === 10);
    expect(report['methods']).toEqual([
      { method: 'manual', assignments: 9, share: 0.9 },
      { method: 'round_robin', assignments: 1, share: 0.1 },
    ]);
    const lead = (await sales.get(`/leads/${pushed}`)).body;
    const owner = lead['ownerId'] as string;
    expect(['ana', 'bo', 'cleo']).toContain(owner);
    // W3 stays open with ana and L3 with bo; everything else was converted or disqualified.
    const open: Record<string, number> = { ana: 1, bo: 1, cleo: 0 };
    open[owner] = (open[owner] ?? 0) + 1;
    const settled = await sales.report(DISTRIBUTION, (b) =>
      (b['reps'] as Json[]).every((r) => r['openLeads'] === open[r['repId'] as string]),
    );
    expect(settled['overCapacity']).toEqual([]);
    const roundRobin = (await sales.get(`${DISTRIBUTION}?method=round_robin`)).body;
    expect((roundRobin['reps'] as Json[]).find((r) => r['repId'] === owner)).toMatchObject({
      assignments: 1,
      share: 1,
      byMethod: [{ method: 'round_robin', assignments: 1 }],
    });
  }, 60_000);

  it('groups conversion by source, tier, method, response time and attempts as a direct count over the events', async () => {
    // The funnel has caught up with every lead of the log.
    const events = await sales.app.app.get<symbol, EventStore>(EVENT_STORE).readAll();
    const captured = events.filter((e) => e.type === 'LeadCaptured' && e.metadata.tenantId === 'acme');
    await sales.report('/analytics/leads/conversion?by=tier', (b) => (b['total'] as Json)['leads'] === captured.length);
    // Each lead's facts, counted straight from its events, as an analyst would from an export.
    const facts = captured.map((capture) => {
      const own = events.filter(
        (e) => (e.data as { leadId?: string }).leadId === (capture.data as { leadId: string }).leadId,
      );
      const of = (type: string) => own.filter((e) => e.type === type).map((e) => e.data as Record<string, string>);
      const assigned = of('LeadAssigned')[0];
      const contacted = of('LeadContactAttempted')[0];
      const waited =
        assigned && contacted ? Date.parse(contacted['at'] ?? '') - Date.parse(assigned['at'] ?? '') : null;
      const attempts = of('LeadContactAttempted').length;
      return {
        source: String((capture.data as { source: string }).source),
        tier: of('LeadScored').at(-1)?.['tier'] ?? 'unscored',
        method: assigned?.['method'] ?? 'not_assigned',
        response: !assigned
          ? 'not_assigned'
          : waited === null
            ? 'not_contacted'
            : waited <= 300_000
              ? 'within_5_min'
              : waited <= 1_800_000
                ? '5_to_30_min'
                : 'over_30_min',
        attempts: attempts >= 6 ? '6+' : String(attempts),
        converted: of('LeadConverted').length > 0,
      };
    });
    for (const by of ['source', 'tier', 'method', 'response', 'attempts'] as const) {
      const report = (await sales.get(`/analytics/leads/conversion?by=${by}`)).body;
      const expected = new Map<string, { leads: number; converted: number }>();
      for (const lead of facts) {
        const count = expected.get(lead[by]) ?? { leads: 0, converted: 0 };
        count.leads += 1;
        if (lead.converted) count.converted += 1;
        expected.set(lead[by], count);
      }
      const nonEmpty = groups(report).filter((g) => (g['leads'] as number) > 0);
      expect({
        by,
        groups: Object.fromEntries(nonEmpty.map((g) => [g['group'], { leads: g['leads'], converted: g['converted'] }])),
      }).toEqual({
        by,
        groups: Object.fromEntries(expected),
      });
      for (const g of nonEmpty) expect(g['conversionRate']).toBe((g['converted'] as number) / (g['leads'] as number));
    }
    // The response bands and attempt counts come in their own order, empty ones included.
    const bands = groups((await sales.get('/analytics/leads/conversion?by=response')).body).map((g) => g['group']);
    expect(bands).toEqual(['within_5_min', '5_to_30_min', 'over_30_min', 'not_contacted', 'not_assigned']);
    const bad = await sales.get('/analytics/leads/conversion?by=colour');
    expect(bad.status).toBe(400);
  });

  it('is for managers, auditors and admins only, keeps tenants apart, validates the window and is documented', async () => {
    const rep = await sales.app.token(['ar'], 'ana');
    for (const path of [SPEED, CONVERSION, DISTRIBUTION]) {
      expect((await sales.get(path, rep)).status).toBe(403);
      expect((await sales.get(path, await sales.app.token(['auditor'], 'audrey'))).status).toBe(200);
      expect((await sales.get(path, await sales.app.token(['admin'], 'root'))).status).toBe(200);
      const reversed = await sales.get(`${path}?from=2026-03-05&to=2026-03-01`);
      expect(reversed.status).toBe(400);
      expect(reversed.body['errors']).toEqual([expect.objectContaining({ field: 'from', rule: 'order' })]);
      const malformed = await sales.get(`${path}?to=next-week`);
      expect(malformed.status).toBe(400);
      expect((malformed.body['errors'] as Json[])[0]).toMatchObject({ field: 'to' });
    }
    expect((await sales.get(`${SPEED}?groupBy=tier`)).status).toBe(400);
    expect((await sales.get(`${DISTRIBUTION}?method=telepathy`)).status).toBe(400);

    const other = await sales.app.token(['sales_manager'], 'max', 'globex');
    expect(figures((await sales.get(SPEED, other)).body)['assignments']).toBe(0);
    expect((await sales.get(CONVERSION, other)).body['sources']).toEqual([]);
    expect((await sales.get(DISTRIBUTION, other)).body).toMatchObject({ totalAssignments: 0, reps: [] });

    const docs = await sales.app.request('GET', '/docs-json');
    const paths = docs.body.paths as Record<string, { get?: { responses?: Record<string, unknown> } }>;
    for (const path of [SPEED, CONVERSION, DISTRIBUTION]) {
      expect(paths[path]?.get?.responses?.['200']).toBeDefined();
    }
    const schemas = docs.body.components.schemas as Record<string, unknown>;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['SpeedToLeadReportView', 'ConversionBySourceView', 'DistributionReportView']),
    );
  }, 60_000);
});
