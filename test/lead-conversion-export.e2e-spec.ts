import { ManualClock } from '#ltc/clock';
import { exportedEvents, ndjsonLines, runCli, type ExportedEvent } from './support/cli.js';
import { Sales } from './support/sales-world.js';
import { eventually } from './support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MINUTE = 60_000;

/** A lead as the exported events tell it: nothing here comes from the engine's read models. */
interface LeadFromEvents {
  readonly source: string;
  firstAssignedAt: string | null;
  firstContactAt: string | null;
  attempts: number;
  converted: boolean;
  won: boolean;
}

function leadsFromEvents(events: readonly ExportedEvent[]): Map<string, LeadFromEvents> {
  const leads = new Map<string, LeadFromEvents>();
  const dealLeads = new Map<string, string>();
  for (const { type, data } of events) {
    if (type === 'LeadCaptured') {
      const lead = { source: data['source'], firstAssignedAt: null, firstContactAt: null, attempts: 0 };
      leads.set(data['leadId'], { ...lead, converted: false, won: false });
      continue;
    }
    if (type === 'OpportunityOpened' && data['lead']) dealLeads.set(data['opportunityId'], data['lead']['leadId']);
    const lead = leads.get(data['leadId'] ?? dealLeads.get(data['opportunityId']));
    if (!lead) continue;
    if (type === 'LeadAssigned') lead.firstAssignedAt ??= data['at'];
    if (type === 'LeadContactAttempted')
      [lead.firstContactAt, lead.attempts] = [lead.firstContactAt ?? data['at'], lead.attempts + 1];
    if (type === 'LeadConverted') lead.converted = true;
    // A deal counts as won from its win until it is reopened.
    if (type === 'OpportunityWon') lead.won = true;
    if (type === 'OpportunityReopened') lead.won = false;
  }
  return leads;
}

const groupOf = (lead: LeadFromEvents, by: 'source' | 'attempts'): string =>
  by === 'source' ? lead.source : lead.attempts >= 6 ? '6+' : String(lead.attempts);

const rates = (group: string, members: readonly LeadFromEvents[]): Json => {
  const converted = members.filter((l) => l.converted).length;
  const won = members.filter((l) => l.won).length;
  const leads = members.length;
  return {
    group,
    leads,
    converted,
    won,
    conversionRate: leads ? converted / leads : null,
    wonRate: leads ? won / leads : null,
  };
};

/** Attempts 0 … 6+ in that order, every one even when empty; sources ranked by conversion, then leads, then name. */
function conversionFromEvents(leads: readonly LeadFromEvents[], by: 'source' | 'attempts'): Json {
  const fixed = by === 'attempts' ? ['0', '1', '2', '3', '4', '5', '6+'] : [];
  const keys = [...new Set([...fixed, ...leads.map((l) => groupOf(l, by))])];
  const groups = keys.map((key) =>
    rates(
      key,
      leads.filter((l) => groupOf(l, by) === key),
    ),
  );
  if (by === 'source') {
    groups.sort(
      (a, b) =>
        b['conversionRate'] - a['conversionRate'] || b['leads'] - a['leads'] || (a['group'] < b['group'] ? -1 : 1),
    );
  }
  return { total: rates('all', leads), groups };
}

/**
 * Leads from four sources assigned by hand and tried once, twice, six times or not at all on a
 * clock moved by minutes, three of them converted: conversion by source and by attempts from the
 * route and from `ltc export lead-conversion` equals a count over `ltc export events` alone.
 */
describe('Lead conversion against the exported lead events', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let sales: Sales;
  let exported: LeadFromEvents[];

  const conversion = (query: string): Promise<Json> =>
    eventually(async () => {
      const read = await sales.app.request('GET', `/analytics/leads/conversion${query}`, { token: sales.manager });
      const total = read.body?.total as Json | undefined;
      return read.status === 200 && total?.['leads'] === 6 && total['converted'] === 3
        ? (read.body as Json)
        : undefined;
    }, 20_000);

  beforeAll(async () => {
    sales = await Sales.start(clock);
    await sales.policy({ method: 'manual' });
    await sales.rep('ana');
    const ana = await sales.repToken('ana');
    const post = async (path: string, body: unknown = {}) => {
      const answered = await sales.app.request('POST', path, { token: ana, body });
      expect({ path, status: answered.status < 300 ? 'ok' : answered.status }).toEqual({ path, status: 'ok' });
    };
    const plan = [
      ['website', 1, true],
      ['website', 2, true],
      ['website', 0, false],
      ['referral_customer', 6, true],
      ['referral_customer', 1, false],
      ['lead_list', 0, false],
    ] as const;
    const ids: string[] = [];
    for (const [source] of plan) {
      const id = await sales.capture({ source });
      await sales.waitFor(id, 'LeadScored');
      const assigned = await sales.app.request('POST', `/leads/${id}/assign`, {
        token: sales.manager,
        body: { repId: 'ana' },
      });
      expect(assigned.status).toBe(200);
      ids.push(id);
    }
    for (const [i, [, attempts, converts]] of plan.entries()) {
      clock.advance(MINUTE);
      for (let n = 0; n < attempts; n += 1)
        await post(`/leads/${ids[i]}/attempts`, { channel: 'phone', outcome: 'no_answer' });
      if (!converts) continue;
      await post(`/leads/${ids[i]}/qualify`, {
        budget: 'EUR 40k',
        authority: 'COO',
        need: 'Fleet visibility',
        timeline: 'Q2',
      });
      await post(`/leads/${ids[i]}/convert`);
    }
    await conversion('');
    exported = [...leadsFromEvents(await exportedEvents(sales.app, ['lead', 'opportunity'])).values()];
  }, 120_000);
  afterAll(() => sales.app.destroy());

  it('has the leads the test drove, as the exported events tell them', () => {
    expect(exported.map((l) => [l.source, l.attempts, l.converted, l.won])).toEqual([
      ['website', 1, true, false],
      ['website', 2, true, false],
      ['website', 0, false, false],
      ['referral_customer', 6, true, false],
      ['referral_customer', 1, false, false],
      ['lead_list', 0, false, false],
    ]);
  });

  it.each(['source', 'attempts'] as const)('answers conversion by %s as counted from the events', async (by) => {
    const answer = await conversion(`?by=${by}`);
    expect(answer).toEqual({ window: { from: null, before: null }, by, ...conversionFromEvents(exported, by) });
  });

  it('exports conversion by source and by attempts with these exact figures, as NDJSON and CSV', async () => {
    const env = { LTC_URL: sales.app.baseUrl, LTC_TOKEN: sales.manager, LOG_LEVEL: 'silent' };
    for (const by of ['source', 'attempts'] as const) {
      const { total, groups } = conversionFromEvents(exported, by);
      const head = { from: null, before: null, by };
      const lines = ndjsonLines(await runCli(['export', 'lead-conversion', '--by', by], env));
      expect(lines).toEqual([
        { ...head, total: true, ...total, group: null },
        ...groups.map((group: Json) => ({ ...head, total: false, ...group })),
      ]);
    }
    const csv = await runCli(
      ['export', 'lead-conversion', '--by', 'attempts', '--to', '2026-03-02', '--format', 'csv'],
      env,
    );
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n')).toEqual([
      'from,before,by,total,group,leads,converted,won,conversionRate,wonRate',
      `,2026-03-03T00:00:00.000Z,attempts,true,,6,3,0,0.5,0`,
      `,2026-03-03T00:00:00.000Z,attempts,false,0,2,0,0,0,0`,
      `,2026-03-03T00:00:00.000Z,attempts,false,1,2,1,0,0.5,0`,
      `,2026-03-03T00:00:00.000Z,attempts,false,2,1,1,0,1,0`,
      ...['3', '4', '5'].map((n) => `,2026-03-03T00:00:00.000Z,attempts,false,${n},0,0,0,,`),
      `,2026-03-03T00:00:00.000Z,attempts,false,6+,1,1,0,1,0`,
    ]);
    const bySource = ndjsonLines<Json>(await runCli(['export', 'lead-conversion'], env));
    expect(bySource.map((l) => [l['group'], l['leads'], l['converted'], l['conversionRate']])).toEqual([
      [null, 6, 3, 0.5],
      ['website', 3, 2, 2 / 3],
      ['referral_customer', 2, 1, 0.5],
      ['lead_list', 1, 0, 0],
    ]);
    const speed = ndjsonLines<Json>(await runCli(['export', 'speed-to-lead', '--group-by', 'source'], env));
    expect(speed.map((l) => [l['total'], l['group'], l['assignments'], l['contacted']])).toEqual([
      [true, null, 6, 4],
      [false, 'lead_list', 1, 0],
      [false, 'referral_customer', 2, 2],
      [false, 'website', 3, 2],
    ]);
    const fairness = ndjsonLines<Json>(await runCli(['export', 'distribution-fairness', '--method', 'manual'], env));
    expect(fairness.map((l) => [l['method'], l['totalAssignments'], l['repId'], l['assignments'], l['share']])).toEqual(
      [['manual', 6, 'ana', 6, 1]],
    );
    const bad = await runCli(['export', 'lead-conversion', '--by', 'colour'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^400 /);
    expect((await runCli(['export', 'lead-conversion', '--group-by', 'rep'], env)).code).toBe(2);
  }, 120_000);
});
