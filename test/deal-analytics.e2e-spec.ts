import { ManualClock } from '#ltc/clock';
import { runCli } from './support/cli.js';
import { Sales } from './support/sales-world.js';
import { TEST_SECRET, eventually, type TestResponse } from './support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY_MS = 86_400_000;

/** One line of `ltc export events` (NDJSON), as an analyst's script reads it. */
interface ExportedEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: Json;
}

/** A deal as the exported events tell it: nothing here comes from the engine's projections. */
interface DealFromEvents {
  readonly id: string;
  readonly source: string | null;
  readonly team: string | null;
  ar: string;
  status: 'open' | 'won' | 'lost';
  lossReason: string | null;
  readonly entries: { stageId: string; at: string }[];
}

function dealsFromEvents(events: readonly ExportedEvent[]): Map<string, DealFromEvents> {
  const deals = new Map<string, DealFromEvents>();
  for (const { type, data } of events) {
    if (type === 'OpportunityOpened') {
      deals.set(data['opportunityId'], {
        id: data['opportunityId'],
        source: data['lead']?.['source'] ?? null,
        team: data['team'] ?? null,
        ar: data['owner'],
        status: 'open',
        lossReason: null,
        entries: [{ stageId: data['stageId'], at: data['at'] }],
      });
      continue;
    }
    const deal = deals.get(data['opportunityId']);
    if (!deal) continue;
    if (type === 'TriangleFormed') deal.ar = data['ar'];
    if (type === 'TriangleMemberChanged' && data['seat'] === 'ar') deal.ar = data['personId'];
    if (['OpportunityStageChanged', 'OpportunityWon', 'OpportunityLost', 'OpportunityReopened'].includes(type)) {
      deal.entries.push({ stageId: data['stageId'], at: data['at'] });
    }
    if (type === 'OpportunityWon') deal.status = 'won';
    if (type === 'OpportunityLost') [deal.status, deal.lossReason] = ['lost', data['reasonCode']];
    if (type === 'OpportunityReopened') [deal.status, deal.lossReason] = ['open', null];
  }
  return deals;
}

type Grouping = 'source' | 'team' | 'ar';
const groupOf = (deal: DealFromEvents, by: Grouping): string | null =>
  by === 'source' ? deal.source : by === 'team' ? deal.team : deal.ar;

/** Groups in key order, the null group last. */
function grouped(deals: Iterable<DealFromEvents>, by: Grouping): [string | null, DealFromEvents[]][] {
  const groups = new Map<string | null, DealFromEvents[]>();
  for (const deal of deals) groups.set(groupOf(deal, by), [...(groups.get(groupOf(deal, by)) ?? []), deal]);
  return [...groups].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}

function winRatesFromEvents(deals: Iterable<DealFromEvents>, by: Grouping): Json[] {
  return grouped(deals, by).map(([key, members]) => {
    const won = members.filter((d) => d.status === 'won').length;
    const lost = members.filter((d) => d.status === 'lost');
    const reasons = new Map<string, number>();
    for (const d of lost) reasons.set(d.lossReason ?? 'unknown', (reasons.get(d.lossReason ?? 'unknown') ?? 0) + 1);
    return {
      key,
      deals: members.length,
      open: members.length - won - lost.length,
      won,
      lost: lost.length,
      winRate: won + lost.length === 0 ? null : won / (won + lost.length),
      lossReasons: [...reasons]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([reasonCode, count]) => ({ reasonCode, count })),
    };
  });
}

/** Nearest rank over whole seconds, reported in days to the hundredth. */
function percentileDays(seconds: number[], percent: number): number | null {
  const sorted = [...seconds].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1]!;
  return Math.round((value / 86_400) * 100) / 100;
}

/** Per stage of the pipeline (ids and next stages from the report's own configuration), over `deals`. */
function stagesFromEvents(stages: readonly Json[], deals: readonly DealFromEvents[]): Json[] {
  return stages.map((stage) => {
    const entering = deals.filter((d) => d.entries.some((e) => e.stageId === stage['stageId']));
    const seconds = deals.flatMap((d) =>
      d.entries.flatMap((entry, i) => {
        const next = d.entries[i + 1];
        return entry.stageId === stage['stageId'] && next
          ? [Math.round((Date.parse(next.at) - Date.parse(entry.at)) / 1000)]
          : [];
      }),
    );
    const nextId = stage['nextStageId'] as string | null;
    const converted = nextId
      ? entering.filter((d) => {
          const first = d.entries.findIndex((e) => e.stageId === stage['stageId']);
          return d.entries.some((e, i) => i > first && e.stageId === nextId);
        }).length
      : 0;
    return {
      stageId: stage['stageId'],
      name: stage['name'],
      deals: entering.length,
      completedVisits: seconds.length,
      medianDays: percentileDays(seconds, 50),
      p90Days: percentileDays(seconds, 90),
      nextStageId: nextId,
      convertedToNext: converted,
      conversionRate: nextId && entering.length > 0 ? converted / entering.length : null,
    };
  });
}

/**
 * Deals across two teams, three ARs and two sources driven over HTTP, on a clock that moves
 * whole days between steps; then the per-team, per-AR and per-source figures of the analytics
 * routes (and of `ltc export <report>`) are checked against a computation of the same
 * measures from `ltc export events` alone (docs/adr/0024: a deal's team is the one it was opened in).
 */
describe('Deal analytics per team, AR and source, against the exported events', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let sales: Sales;
  let manager: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const ok = async (response: Promise<TestResponse>): Promise<Json> => {
    const answered = await response;
    expect({ status: answered.status < 300 ? 'ok' : answered.status, body: answered.body }).toMatchObject({
      status: 'ok',
    });
    return answered.body as Json;
  };
  const post = (who: string, path: string, body: unknown = {}) =>
    ok(sales.app.request('POST', path, { token: tokens[who]!, body }));
  const days = (n: number) => clock.advance(n * DAY_MS);

  /** A lead of `source` in `team`, assigned to and converted by `ar`: the deal id. */
  async function convert(ar: string, source: string, team: string): Promise<string> {
    const leadId = await sales.capture({ source, team, contactPerson: 'Kari Nord' });
    await sales.waitFor(leadId, 'LeadScored');
    await ok(sales.app.request('POST', `/leads/${leadId}/assign`, { token: manager, body: { repId: ar } }));
    const bant = { budget: 'EUR 40k', authority: 'COO', need: 'Fleet visibility', timeline: 'Q2' };
    await post(ar, `/leads/${leadId}/qualify`, bant);
    const dealId = (await post(ar, `/leads/${leadId}/convert`))['dealId'] as string;
    await eventually(async () =>
      (await sales.events(`opportunity-${dealId}`)).some((e) => e.type === 'OpportunityOpened') ? true : undefined,
    );
    return dealId;
  }

  /** The triangle with sven as SR, the bid handed to him, his quote sent and signed, with whole days between. */
  async function win(ar: string, dealId: string, gapDays: number): Promise<void> {
    await ok(
      sales.app.request('PUT', `/opportunities/${dealId}/triangle`, {
        token: tokens[ar]!,
        body: { ar, sr: 'sven', fr: 'fia', sponsor: 'maria' },
      }),
    );
    days(gapDays);
    await post(ar, `/opportunities/${dealId}/stage`, { stage: 'bid' });
    const asked = await post(ar, `/opportunities/${dealId}/handoffs`, { to: 'sven', phase: 'bid' });
    await post('sven', `/opportunities/${dealId}/handoffs/${String(asked['handoffId'])}/accept`);
    const line = {
      sku: 'TLM-100',
      description: 'Unit',
      quantity: 4,
      unitPrice: { amountMinor: 100_000, currency: 'EUR' },
    };
    await post('sven', `/opportunities/${dealId}/quotes`, { lines: [line], validUntil: '2099-12-31' });
    await post('sven', `/opportunities/${dealId}/quotes/1/send`);
    days(gapDays);
    await post('sven', `/opportunities/${dealId}/stage`, { stage: 'negotiate' });
    days(1);
    await post('sven', `/opportunities/${dealId}/win`, { quoteVersion: 1 });
  }

  const read = (path: string, ready: (body: Json) => boolean): Promise<Json> =>
    eventually(async () => {
      const response = await sales.app.request('GET', path, { token: manager });
      return response.status === 200 && ready(response.body as Json) ? (response.body as Json) : undefined;
    }, 20_000);

  const closedIn = (body: Json) =>
    (body['groups'] as Json[]).reduce((sum, g) => sum + (g['won'] as number) + (g['lost'] as number), 0);

  let exported: Map<string, DealFromEvents>;

  beforeAll(async () => {
    sales = await Sales.start(clock);
    manager = sales.manager;
    await sales.team('north', 'maria');
    await sales.team('south', 'maria');
    await sales.policy({ method: 'manual' });
    for (const [id, role, team] of [
      ['ana', 'ar', 'north'],
      ['bo', 'ar', 'north'],
      ['cy', 'ar', 'south'],
      ['sven', 'sr', 'north'],
      ['fia', 'fr', 'north'],
    ] as const) {
      await sales.rep(id, { roles: [role], team });
      tokens[id] = await sales.app.token([role], id);
    }
    // Every lead converted before the clock moves, so no lead timer fires on the way.
    ids['d1'] = await convert('ana', 'website', 'north');
    ids['d2'] = await convert('bo', 'webinar', 'north');
    ids['d3'] = await convert('cy', 'website', 'south');
    ids['d4'] = await convert('cy', 'webinar', 'south');
    // Opened directly, in no team: the "no team" group.
    ids['d5'] = (await post('ana', '/opportunities', { name: 'Depot expansion', account: 'Nordfrakt AB' }))[
      'id'
    ] as string;

    days(1);
    await post('bo', `/opportunities/${ids['d2']}/stage`, { stage: 'develop_solution' });
    await win('ana', ids['d1'], 2);
    days(1);
    await post('bo', `/opportunities/${ids['d2']}/lose`, { reasonCode: 'price' });
    await post('cy', `/opportunities/${ids['d3']}/lose`, { reasonCode: 'competitor' });
    await win('cy', ids['d4'], 1);
    days(1);

    await read('/analytics/opportunities/win-rate', (body) => closedIn(body) === 4);
    const run = await runCli(['export', 'events', '--kind', 'opportunity'], {
      LTC_DATA_DIR: sales.app.dataDir,
      LTC_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(0);
    exported = dealsFromEvents(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ExportedEvent),
    );
  }, 120_000);
  afterAll(() => sales.app.destroy());

  it('has the deals the test drove, as the exported events tell them', () => {
    expect(
      [...exported.values()]
        .map((d) => [d.id, d.source, d.team, d.ar, d.status, d.lossReason])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      [
        [ids['d1'], 'website', 'north', 'ana', 'won', null],
        [ids['d2'], 'webinar', 'north', 'bo', 'lost', 'price'],
        [ids['d3'], 'website', 'south', 'cy', 'lost', 'competitor'],
        [ids['d4'], 'webinar', 'south', 'cy', 'won', null],
        [ids['d5'], null, null, 'ana', 'open', null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it.each(['team', 'ar', 'source'] as const)('answers win rate per %s as computed from the events', async (by) => {
    const answer = await read(`/analytics/opportunities/win-rate?by=${by}`, (body) => closedIn(body) === 4);
    expect(answer).toEqual({ pipelineId: null, by, groups: winRatesFromEvents(exported.values(), by) });
  });

  it('answers win rate per AR and per team with these exact figures', async () => {
    const byAr = await read('/analytics/opportunities/win-rate?by=ar&pipeline=default', (body) => closedIn(body) === 4);
    expect(
      byAr['groups'].map((g: Json) => [g['key'], g['deals'], g['open'], g['won'], g['lost'], g['winRate']]),
    ).toEqual([
      ['ana', 2, 1, 1, 0, 1],
      ['bo', 1, 0, 0, 1, 0],
      ['cy', 2, 0, 1, 1, 0.5],
    ]);
    const byTeam = await read('/analytics/opportunities/win-rate?by=team', (body) => closedIn(body) === 4);
    expect(byTeam['groups'].map((g: Json) => [g['key'], g['deals'], g['won'], g['lost'], g['lossReasons']])).toEqual([
      ['north', 2, 1, 1, [{ reasonCode: 'price', count: 1 }]],
      ['south', 2, 1, 1, [{ reasonCode: 'competitor', count: 1 }]],
      [null, 1, 0, 0, []],
    ]);
  });

  it.each(['team', 'ar', 'source'] as const)(
    'answers stage velocity per %s as computed from the events',
    async (by) => {
      const answer = await read(`/analytics/opportunities/stage-velocity?by=${by}`, (body) =>
        body['stages'].some((s: Json) => s['stageId'] === 'won' && s['deals'] === 2),
      );
      expect(answer['by']).toBe(by);
      const expected = grouped(exported.values(), by).map(([key, members]) => ({
        key,
        deals: members.length,
        stages: stagesFromEvents(answer['stages'], members),
      }));
      expect(answer['groups']).toEqual(expected);
      // The pipeline-wide figures are unchanged by the grouping.
      expect(answer['stages']).toEqual(stagesFromEvents(answer['stages'], [...exported.values()]));
    },
  );

  it('keeps the stage velocity answer as it was without a grouping, with exact days for the north team', async () => {
    const plain = await read('/analytics/opportunities/stage-velocity', () => true);
    expect(Object.keys(plain).sort()).toEqual(['bySource', 'percentileMethod', 'pipelineId', 'stages']);
    const byTeam = await read('/analytics/opportunities/stage-velocity?by=team', () => true);
    const north = (byTeam['groups'] as Json[]).find((g) => g['key'] === 'north')!;
    // d2 left qualify after 1 day and was lost 6 days later; d1 went straight to bid after 3, then 2 and 1 days.
    expect(
      north['stages'].map((s: Json) => [s['stageId'], s['deals'], s['medianDays'], s['p90Days'], s['conversionRate']]),
    ).toEqual([
      ['qualify', 2, 1, 3, 0.5],
      ['develop_solution', 1, 6, 6, 0],
      ['bid', 1, 2, 2, 1],
      ['negotiate', 1, 1, 1, 1],
      ['won', 1, null, null, null],
      ['lost', 1, null, null, null],
    ]);
  });

  it('exports the reports with the routes’ filters, as NDJSON and CSV', async () => {
    const env = { LTC_URL: sales.app.baseUrl, LTC_TOKEN: manager, LOG_LEVEL: 'silent' };
    const api = await read('/analytics/opportunities/win-rate?by=ar', (body) => closedIn(body) === 4);
    const ndjson = await runCli(['export', 'win-rate', '--by', 'ar'], env);
    expect(ndjson.code).toBe(0);
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Json),
    ).toEqual(
      api['groups'].map(({ key, ...figures }: Json) => ({ pipelineId: null, by: 'ar', group: key, ...figures })),
    );
    const csv = await runCli(['export', 'stage-velocity', '--by', 'team', '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'pipelineId,by,group,stageId,name,deals,completedVisits,medianDays,p90Days,nextStageId,convertedToNext,conversionRate',
    );
    // Three groups (north, south, no team) of six stages each.
    expect(lines).toHaveLength(1 + 3 * 6);
    expect(lines[1]).toBe('default,team,north,qualify,Qualify,2,2,1,3,develop_solution,1,0.5');
    const bad = await runCli(['export', 'win-rate', '--by', 'region'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^400 /);
    expect((await runCli(['export', 'pipeline-length', '--by', 'team'], env)).code).toBe(2);
  });

  it('refuses an unknown grouping with the field and the rule', async () => {
    for (const path of [
      '/analytics/opportunities/win-rate?by=region',
      '/analytics/opportunities/stage-velocity?by=everything',
    ]) {
      const response = await sales.app.request('GET', path, { token: manager });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'by', rule: 'isIn' })]);
    }
    const ar = await sales.app.request('GET', '/analytics/opportunities/win-rate', { token: tokens['ana']! });
    expect(ar.status).toBe(403);
  });
});
