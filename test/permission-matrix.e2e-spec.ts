import { randomUUID } from 'node:crypto';
import { LTC_CONTEXTS, permissionMatrixOf } from '#ltc/engine';
import { recordRuleFor, type Role, type RouteKey } from '#ltc/platform';
import { contractWorld, signedContract, wonDeal } from './support/contract-world.js';
import {
  ROLES_TO_CHECK,
  matrixViolations,
  matrixWithout,
  teamViolations,
  tenantViolations,
  type DocumentedRoute,
  type ForeignAnswer,
  type RoleAnswer,
  type TeamAnswer,
} from './support/permission-check.js';
import { quiet } from './support/rebuild-all.js';
import { ServiceWorld } from './support/service-world.js';
import type { TestApp, TestResponse } from './support/test-app.js';

/**
 * Generated from the OpenAPI document and the permission matrix: every route × every role, with the
 * ids of real records of tenant A in the path, answers as the matrix says (403 outside it; inside it
 * never 403, and the record rule's 404s); a token of another tenant sees nothing of tenant A on any
 * route; and a route without a matrix entry fails. Reads go first, so the commands' answers (which
 * may change the records) cannot move what the reads are judged on.
 */
const MATRIX = permissionMatrixOf(LTC_CONTEXTS);
const PARALLEL = 12;

interface Parameter {
  readonly in: string;
  readonly name: string;
  readonly schema?: { readonly format?: string; readonly example?: unknown; readonly type?: string };
}

interface World {
  readonly app: TestApp;
  readonly leadId: string;
  readonly dealId: string;
  readonly ticketId: string;
}

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(run))));
  }
  return results;
}

describe('The permission matrix, route × role × tenant', () => {
  let world: World;
  let routes: (DocumentedRoute & { readonly path: string })[];
  let roleAnswers: RoleAnswer[];
  let foreignAnswers: ForeignAnswer[];
  let teamAnswers: TeamAnswer[];

  beforeAll(async () => {
    const deals = await contractWorld();
    const { leadId, dealId } = await wonDeal(deals);
    await signedContract(deals, dealId);
    const service = await ServiceWorld.on(deals.sales);
    await service.policy();
    const ticketId = await service.ticket();
    // A second team with its manager and a rep: a sales manager's `team` cells are put to the test
    // with the records of their team (maria's emea-north) and of another (otto's apac).
    await deals.sales.team('apac', 'otto');
    await deals.sales.rep('ada', { roles: ['ar'], team: 'apac' });
    await quiet(deals.sales.app);
    world = { app: deals.sales.app, leadId, dealId, ticketId };
    routes = documentedRoutes((await world.app.request('GET', '/docs-json')).body, world);

    const records = [world.leadId, world.dealId, world.ticketId];
    const shows = (answered: TestResponse): string[] => {
      if (answered.status >= 300) return [];
      const text = JSON.stringify(answered.body ?? null);
      return records.filter((id) => text.includes(id));
    };
    const tokens = new Map<Role, string>();
    for (const role of ROLES_TO_CHECK) tokens.set(role, await world.app.token([role], `stranger-${role}`));
    const foreign = await world.app.token(['admin'], 'globex-admin', 'globex');
    const send = (route: (typeof routes)[number], token: string): Promise<TestResponse> =>
      world.app.request(route.method, route.path, { token, ...(route.method === 'GET' ? {} : { body: {} }) });

    const cases = routes.flatMap((route) => ROLES_TO_CHECK.map((role) => ({ route, role })));
    const askAs = async ({ route, role }: (typeof cases)[number]): Promise<RoleAnswer> => {
      const answered = await send(route, tokens.get(role) ?? '');
      return { route, role, status: answered.status, code: answered.body?.code, shows: shows(answered) };
    };
    const askForeign = async (route: (typeof routes)[number]): Promise<ForeignAnswer> => {
      const answered = await send(route, foreign);
      const answer = { route, status: answered.status, code: answered.body?.code, shows: shows(answered) };
      if (route.names !== 'record') return answer;
      const unknownPath = records.reduce((path, id) => path.replaceAll(id, randomUUID()), route.path);
      const unknown = await send({ ...route, path: unknownPath }, foreign);
      return { ...answer, unknown: { status: unknown.status, code: unknown.body?.code } };
    };
    const reads = cases.filter((c) => c.route.method === 'GET');
    const commands = cases.filter((c) => c.route.method !== 'GET');
    roleAnswers = await inBatches(reads, askAs);
    const managers = {
      own: await world.app.token(['sales_manager'], 'maria'),
      other: await world.app.token(['sales_manager'], 'otto'),
    };
    const teamReads = routes.filter(
      (route) =>
        route.method === 'GET' && recordRuleFor(MATRIX.routes.get(route.key), 'sales_manager')?.scope === 'team',
    );
    teamAnswers = await inBatches(teamReads, async (route): Promise<TeamAnswer> => {
      const [own, other] = await Promise.all([send(route, managers.own), send(route, managers.other)]);
      return {
        route,
        ownTeam: { status: own.status, shows: shows(own) },
        otherTeam: { status: other.status, shows: shows(other) },
      };
    });
    foreignAnswers = await inBatches(
      routes.filter((r) => r.method === 'GET'),
      askForeign,
    );
    // Another tenant's commands before tenant A's: A's own may close or change its records.
    foreignAnswers.push(
      ...(await inBatches(
        routes.filter((r) => r.method !== 'GET'),
        askForeign,
      )),
    );
    roleAnswers.push(...(await inBatches(commands, askAs)));
  }, 120_000);
  afterAll(async () => world.app.destroy());

  it('covers every route of the document, with real records behind the ids', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect([world.leadId, world.dealId, world.ticketId].every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(routes.filter((r) => r.names === 'record').length).toBeGreaterThan(5);
    // The record rules are put to the test: strangers ask for records admin can open.
    const opened = new Set(roleAnswers.filter((a) => a.role === 'admin' && a.status < 300).map((a) => a.route.key));
    const hidden = roleAnswers.filter(
      (a) =>
        a.route.method === 'GET' &&
        a.route.names === 'record' &&
        opened.has(a.route.key) &&
        recordRuleFor(MATRIX.routes.get(a.route.key), a.role)?.scope === 'related',
    );
    expect(hidden.length).toBeGreaterThanOrEqual(10);
  });

  it('answers every route for every role as the matrix says', () => {
    expect(matrixViolations(MATRIX, routes, roleAnswers)).toEqual([]);
  });

  it("confines a team's sales manager to their team's records where the matrix says team", () => {
    expect(teamAnswers.filter((a) => a.route.names === 'record').length).toBeGreaterThanOrEqual(5);
    const admin = roleAnswers.filter((a) => a.role === 'admin');
    expect(teamViolations(admin, teamAnswers)).toEqual([]);
  });

  it('shows another tenant nothing of tenant A on any route', () => {
    expect(tenantViolations(foreignAnswers)).toEqual([]);
  });

  it('lets auditors change nothing: they are granted reads, and the two computations that write nothing', () => {
    const auditorWrites = [...MATRIX.routes.entries()]
      .filter(([key, permission]) => !key.startsWith('GET ') && typeof permission !== 'string' && permission.auditor)
      .map(([key]) => key);
    expect(auditorWrites.sort()).toEqual(['POST /audit/verify', 'POST /simulations']);
  });

  it('shows marketing the leads without their deal size, and no deal, contract or cash', () => {
    const asMarketing = (key: RouteKey) => roleAnswers.find((a) => a.role === 'marketing' && a.route.key === key);
    expect(asMarketing('GET /leads')).toMatchObject({ status: 200, shows: expect.arrayContaining([world.leadId]) });
    for (const key of ['GET /opportunities', 'GET /contracts', 'GET /analytics/cash/aging'] as const) {
      expect({ key, status: asMarketing(key)?.status }).toEqual({ key, status: 403 });
    }
  });

  it('blanks the deal size of every lead a marketing token lists', async () => {
    const token = await world.app.token(['marketing'], 'mia');
    const listed = await world.app.request('GET', '/leads', { token });
    const lead = (listed.body.items as Record<string, unknown>[]).find((item) => item['id'] === world.leadId);
    expect(lead).toMatchObject({ estimatedDealSize: null, dealSize: null });
    const asManager = await world.app.request('GET', '/leads', { token: await world.app.token(['sales_manager']) });
    const seen = (asManager.body.items as Record<string, unknown>[]).find((item) => item['id'] === world.leadId);
    expect(seen?.['dealSize']).not.toBeNull();
  });

  describe('the test of the test', () => {
    it('fails when a route loses its entry in the matrix', () => {
      const key: RouteKey = 'POST /leads/{id}/qualify';
      const violations = matrixViolations(matrixWithout(MATRIX, key), routes, roleAnswers);
      expect(violations).toContain(`${key}: no entry in the permission matrix`);
    });

    it("fails when another team's manager is shown a record of the team", () => {
      const answer = teamAnswers.find((a) => a.route.key === 'GET /opportunities/{id}');
      expect(answer).toBeDefined();
      const leaked = { ...answer!, otherTeam: { status: 200, shows: [world.dealId] } };
      const admin = roleAnswers.filter((a) => a.role === 'admin');
      expect(teamViolations(admin, [leaked])).toEqual([
        "GET /opportunities/{id}: another team's manager got 200, expected 404",
      ]);
    });

    it('fails when an entry loses a role the route still lets in', () => {
      const key: RouteKey = 'GET /leads';
      const violations = matrixViolations(matrixWithout(MATRIX, key, 'ar'), routes, roleAnswers);
      expect(violations).toContain(`${key} as ar: expected 403 FORBIDDEN, got 200`);
    });
  });
});

/** The document's operations, each with a path of tenant A's real ids (or well-formed unknown ones). */
function documentedRoutes(document: unknown, world: World): (DocumentedRoute & { readonly path: string })[] {
  const paths = (document as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;
  return Object.entries(paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const parameters = ((operation['parameters'] ?? []) as Parameter[]).filter((p) => p.in === 'path');
      const values = new Map(parameters.map((p) => [p.name, pathValue(template, p, world)]));
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values.get(name) ?? 'x'));
      const records = [world.leadId, world.dealId, world.ticketId];
      const last = parameters.at(-1);
      const names = last !== undefined && records.includes(values.get(last.name) ?? '') ? 'record' : 'list-or-other';
      return {
        key: `${method.toUpperCase()} ${template}` as RouteKey,
        method: method.toUpperCase(),
        template,
        secured: Array.isArray(operation['security']) && operation['security'].length > 0,
        names,
        path,
      };
    }),
  );
}

/** A path parameter's value: the seeded record its route names, a person or team of the world, or an unknown id. */
function pathValue(template: string, parameter: Parameter, { leadId, dealId, ticketId }: World): string {
  const collection = template.split('/')[1] ?? '';
  if (parameter.name === 'id') {
    const byCollection: Record<string, string> = {
      leads: leadId,
      opportunities: dealId,
      contracts: dealId,
      tickets: ticketId,
      reps: 'ingrid',
      people: 'ingrid',
      teams: 'emea-north',
      'service-groups': 'hotline',
      'sla-policies': 'default',
    };
    const known = byCollection[collection];
    if (known !== undefined) return known;
  }
  const byName: Record<string, string> = {
    dealId,
    contractId: dealId,
    userId: 'ingrid',
    team: 'emea-north',
    account: 'Nordfrakt AB',
    line: '1',
    stream: `lead-${leadId}`,
    name: 'lead-list',
    version: '1',
  };
  const known = byName[parameter.name];
  if (known !== undefined) return known;
  if (parameter.schema?.format === 'uuid') return randomUUID();
  const example = parameter.schema?.example;
  return typeof example === 'string' ? example : 'unknown';
}
