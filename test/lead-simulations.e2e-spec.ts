import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '#ltc/clock';
import { runCli } from './support/cli.js';
import { eventually } from './support/test-app.js';
import { Sales } from './support/sales-world.js';

/**
 * What-if over lead distribution: a week of real routing (round robin over three reps who
 * answer at their own pace), then the same leads replayed under the recorded policy (which
 * must reproduce the record), a tighter response target and territory routing.
 */

interface Section {
  name: string;
  unit: string;
  rows: { key: string; actual: number; simulated: number; difference: number }[];
}

const START = '2026-03-02T09:00:00.000Z';
/** Seconds each rep takes to make the first contact attempt. */
const RESPONSE_SECONDS: Record<string, number> = { ana: 60, bo: 600, cleo: 200 };
const REGIONS = ['APAC', 'EMEA', 'EMEA', 'APAC', 'EMEA', 'EMEA', 'EMEA', 'EMEA', 'EMEA'];

describe('POST /simulations › lead distribution and scoring', () => {
  let sales: Sales;
  const clock = new ManualClock(START);
  const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' };

  beforeAll(async () => {
    sales = await Sales.start(clock);
    await sales.rep('ana', { territories: { regions: ['APAC'] } });
    await sales.rep('bo', { territories: { regions: ['EMEA'] } });
    await sales.rep('cleo', { territories: { regions: ['EMEA'] } });
    for (const region of REGIONS) {
      const leadId = await sales.capture({ region });
      const assigned = await sales.waitFor(leadId, 'LeadAssigned');
      await sales.waitFor(leadId, 'LeadScored');
      const owner = String(assigned.data.repId);
      clock.advance((RESPONSE_SECONDS[owner] ?? 0) * 1000);
      const attempt = await sales.app.request('POST', `/leads/${leadId}/attempts`, {
        token: await sales.repToken(owner),
        body: { channel: 'phone', outcome: 'reached' },
      });
      expect(attempt.status).toBe(200);
      clock.advance(15 * 60_000);
    }
  }, 120_000);
  afterAll(() => sales.app.destroy());

  const simulate = (body: Record<string, unknown>, token = sales.manager) =>
    sales.app.request('POST', '/simulations', { token, body: { kind: 'lead_distribution', ...period, ...body } });
  const sectionOf = (body: { sections: Section[] }, name: string): Section => {
    const found = body.sections.find((section) => section.name === name);
    if (!found) throw new Error(`no section ${name}`);
    return found;
  };
  const rowsOf = (section: Section) =>
    Object.fromEntries(section.rows.map((row) => [row.key, [row.actual, row.simulated]]));

  it('under the recorded policy reproduces what happened, row by row', async () => {
    const control = await simulate({});
    expect(control.status).toBe(200);
    expect(control.body).toMatchObject({ kind: 'lead_distribution', policy: 'recorded', scope: null });
    const sections = control.body.sections as Section[];
    expect(sections.map((section) => section.name)).toEqual([
      'distribution_outcomes',
      'assignments_per_rep',
      'routing_waits',
      'first_contact',
      'first_contact_share',
    ]);
    for (const section of sections) {
      for (const row of section.rows)
        expect([section.name, row.key, row.simulated]).toEqual([section.name, row.key, row.actual]);
    }
    // …and what happened is what the scenario did: 3 leads each, bo's three answered late.
    expect(rowsOf(sectionOf(control.body, 'assignments_per_rep'))).toEqual({ ana: [3, 3], bo: [3, 3], cleo: [3, 3] });
    expect(rowsOf(sectionOf(control.body, 'first_contact'))).toMatchObject({
      within_target: [6, 6],
      missed_target: [3, 3],
    });
    expect(rowsOf(sectionOf(control.body, 'first_contact_share'))).toEqual({ within_target: [66.7, 66.7] });
  });

  it('a tighter response target lowers the share contacted in time', async () => {
    const tighter = await simulate({ policy: { responseTargetSeconds: { default: 120 } } });
    expect(tighter.status).toBe(200);
    expect(tighter.body.policy).toBe('proposed');
    // Same owners, same recorded pace: cleo's 200 s now misses too.
    expect(rowsOf(sectionOf(tighter.body, 'assignments_per_rep'))).toEqual({ ana: [3, 3], bo: [3, 3], cleo: [3, 3] });
    expect(rowsOf(sectionOf(tighter.body, 'first_contact'))).toMatchObject({
      within_target: [6, 3],
      missed_target: [3, 6],
    });
    expect(rowsOf(sectionOf(tighter.body, 'first_contact_share'))).toEqual({ within_target: [66.7, 33.3] });
  });

  it('territory routing sends each region to its reps, and the answer is the same every time', async () => {
    const body = { policy: { method: 'territory' } };
    const territory = await simulate(body);
    expect(territory.status).toBe(200);
    // The two APAC leads go to ana alone; the seven EMEA ones alternate between bo and cleo.
    expect(rowsOf(sectionOf(territory.body, 'assignments_per_rep'))).toEqual({ ana: [3, 2], bo: [3, 4], cleo: [3, 3] });
    expect(rowsOf(sectionOf(territory.body, 'distribution_outcomes'))).toMatchObject({ assigned: [9, 9] });
    const again = await simulate(body);
    expect(again.body).toEqual(territory.body);
  });

  it('writes nothing, refuses bad proposals by field and keeps to its roles', async () => {
    const head = async () =>
      ((await sales.app.request('GET', '/projections', { token: sales.manager })).body as { headPosition: string }[])[0]
        ?.headPosition;
    const before = await eventually(head);
    await simulate({ policy: { method: 'shotgun' } });
    expect(await head()).toBe(before);

    const badMethod = await simulate({ policy: { method: 'dice' } });
    expect(badMethod.status).toBe(400);
    expect(badMethod.body.errors).toEqual([expect.objectContaining({ field: 'policy.method' })]);
    const backwards = await simulate({ from: period.to, to: period.from });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'after' })]);
    const unknownKind = await simulate({ kind: 'weather' });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    const badScope = await simulate({ scope: 'Not A Team!' });
    expect(badScope.status).toBe(400);
    const rep = await simulate({}, await sales.repToken('ana'));
    expect(rep.status).toBe(403);

    const kinds = await sales.app.request('GET', '/simulations', { token: sales.manager });
    expect(kinds.status).toBe(200);
    expect(kinds.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'lead_distribution' })]));
  });

  it('`ltc simulate FILE` prints the comparison as a table', async () => {
    const file = join(sales.app.dataDir, 'tighter-target.json');
    writeFileSync(
      file,
      JSON.stringify({ kind: 'lead_distribution', ...period, policy: { responseTargetSeconds: { default: 120 } } }),
    );
    const run = await runCli(['simulate', file, '--url', sales.app.baseUrl], { LTC_TOKEN: sales.manager });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain(
      'lead_distribution: 2026-03-01T00:00:00.000Z – 2026-03-09T00:00:00.000Z, under the proposed policy',
    );
    expect(lines).toEqual(expect.arrayContaining(["Leads per rep (each lead's first owner) (leads)"]));
    const row = (key: string) =>
      lines
        .find((line) => line.trim().startsWith(key))
        ?.trim()
        .split(/\s+/);
    expect(row('within_target')).toEqual(['within_target', '6', '3', '-3']);
    expect(row('missed_target')).toEqual(['missed_target', '3', '6', '+3']);
    expect(lines).toEqual(expect.arrayContaining(['Assumptions:']));

    writeFileSync(file, '{"kind": "lead_distribution", "from": "yesterday"}');
    const refused = await runCli(['simulate', file, '--url', sales.app.baseUrl], { LTC_TOKEN: sales.manager });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^400 VALIDATION_FAILED: /);
    const missing = await runCli(['simulate', join(sales.app.dataDir, 'nothing.json')], { LTC_TOKEN: sales.manager });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
  });

  it('a scoring model replays every lead of the period: the recorded model reproduces the tiers, a generous one lifts them', async () => {
    const score = (policy?: unknown) =>
      sales.app.request('POST', '/simulations', {
        token: sales.manager,
        body: { kind: 'lead_scoring', ...period, ...(policy === undefined ? {} : { policy }) },
      });
    const control = await score();
    expect(control.status).toBe(200);
    const sections = control.body.sections as Section[];
    expect(sections.map((section) => section.name)).toEqual(['leads_per_tier', 'conversion_per_tier', 'average_score']);
    for (const section of sections) {
      for (const row of section.rows)
        expect([section.name, row.key, row.simulated]).toEqual([section.name, row.key, row.actual]);
    }
    const tiers = sectionOf(control.body, 'leads_per_tier').rows;
    expect(tiers.reduce((sum, row) => sum + row.actual, 0)).toBe(REGIONS.length);
    expect(tiers.find((row) => row.key === 'unscored')?.actual).toBe(0);

    const current = (await sales.app.request('GET', '/scoring-models/current', { token: sales.manager })).body.model;
    const generous = {
      ...current,
      fitRules: [{ id: 'any', label: 'Anyone', field: 'source', op: 'present', points: 90 }],
    };
    const lifted = await score(generous);
    expect(lifted.status).toBe(200);
    expect(rowsOf(sectionOf(lifted.body, 'leads_per_tier'))['A']).toEqual([
      tiers.find((row) => row.key === 'A')?.actual,
      REGIONS.length,
    ]);
    const broken = await score({ ...generous, fitRules: [{ ...generous.fitRules[0], op: 'resembles' }] });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([expect.objectContaining({ field: 'policy.fitRules[0].op', rule: 'oneOf' })]);
  });
});
