import fc from 'fast-check';
import { ManualClock } from '#ltc/clock';
import { eventLogSnapshot, rawRequest, type RawResponse } from './support/event-log.js';
import { bodyMutations, resolver, type Resolve, type Schema } from './support/openapi-mutations.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Malformed requests generated from the OpenAPI document, for every operation in it:
 * each must be refused with a JSON 4xx that names what is wrong, never a 5xx, and must
 * leave the event log exactly as it was. Only requests that break the documented schema
 * are sent, so every 2xx is a defect. A fixed seed and a bounded number of cases per
 * operation keep it repeatable and quick.
 */
const SEED = 20_260_601;
const MAX_BODY_CASES_PER_OPERATION = 40;
/** Values drawn per body mutation (a missing field has one; a wrong type has many). */
const DRAWS_PER_MUTATION = 2;

interface Parameter {
  readonly in: string;
  readonly name: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly parameters: readonly Parameter[];
  readonly jsonBody: Schema | undefined;
  readonly secured: boolean;
}

interface FuzzCase {
  readonly operation: string;
  readonly description: string;
  readonly path: string;
  readonly body?: string;
  /** The field the 400 must name; undefined where an unknown id may also be a 404. */
  readonly field: string | undefined;
}

interface Violation {
  readonly operation: string;
  readonly description: string;
  readonly problem: string;
  readonly response: RawResponse;
}

const draw = <T>(arbitrary: fc.Arbitrary<T>, offset: number): T => {
  const [value] = fc.sample(arbitrary, { seed: SEED + offset, numRuns: 1 });
  if (value === undefined) throw new Error('fast-check drew nothing');
  return value;
};

/** Malformed ids: none is a lead id, rep id, team slug, projection or stream name anyone has. */
const BOGUS_IDS = ['not an id!', 'x'.repeat(300), '%ED%A0%80', '..%2F..%2Fetc', '%00', '%C3%28', "'%20OR%201=1"];

describe('OpenAPI-derived fuzzing: malformed requests are refused, named and write nothing', () => {
  let app: TestApp;
  let admin: string;
  let operations: Operation[];
  let resolve: Resolve;
  let leadId: string;

  beforeAll(async () => {
    // A clock that stands still: no timer fires during the run, so only requests could write.
    app = await startTestApp({ clock: new ManualClock('2026-03-02T09:00:00Z') });
    admin = await app.token(['admin'], 'admin');
    const created = await app.request('POST', '/leads', {
      token: admin,
      body: { name: 'Cold-chain sensors', company: 'Frost AB', email: 'ingrid@frost.example', source: 'website' },
    });
    expect(created.status).toBe(201);
    leadId = created.body.id;
    // Wait for the process managers' reactions, so the log is quiet before the run.
    await eventually(async () => {
      const projections = await app.request('GET', '/projections', { token: admin });
      const caughtUp = (projections.body as { lag: string; state: string }[]).every(
        (p) => p.lag === '0' && p.state === 'live',
      );
      return caughtUp ? true : undefined;
    }, 15_000);
    const document = (await app.request('GET', '/docs-json')).body;
    resolve = resolver(document.components.schemas);
    operations = Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([template, item]) =>
        Object.entries(item).map(([method, op]) => ({
          method: method.toUpperCase(),
          template,
          parameters: (op['parameters'] ?? []) as Parameter[],
          jsonBody: (op['requestBody'] as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.[
            'application/json'
          ]?.schema,
          secured: Array.isArray(op['security']) && op['security'].length > 0,
        })),
    );
  }, 60_000);
  afterAll(async () => app.destroy());

  const pathWith = (operation: Operation, overrides: Record<string, string> = {}): string =>
    operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (overrides[name] !== undefined) return overrides[name];
      const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
      if (parameter?.schema?.format === 'uuid') return leadId;
      const example = parameter?.schema?.example;
      return encodeURIComponent(typeof example === 'string' ? example : 'x');
    });

  const casesFor = (operation: Operation, index: number): FuzzCase[] => {
    const name = `${operation.method} ${operation.template}`;
    const cases: FuzzCase[] = [];
    if (operation.jsonBody) {
      const mutations = bodyMutations(operation.jsonBody, resolve);
      const chosen =
        mutations.length <= MAX_BODY_CASES_PER_OPERATION
          ? mutations
          : draw(
              fc.shuffledSubarray(mutations, {
                minLength: MAX_BODY_CASES_PER_OPERATION,
                maxLength: MAX_BODY_CASES_PER_OPERATION,
              }),
              index,
            );
      chosen.forEach((mutation, i) => {
        const bodies = new Set(
          Array.from({ length: DRAWS_PER_MUTATION }, (_, d) => draw(mutation.body, (index * 1000 + i) * 10 + d)),
        );
        for (const body of bodies) {
          cases.push({
            operation: name,
            description: mutation.description,
            path: pathWith(operation),
            body,
            field: mutation.field,
          });
        }
      });
    }
    const query = operation.parameters.filter((p) => p.in === 'query');
    // A route without a query ignores one (cache busters are common); a route with one refuses unknown keys.
    if (query.length > 0) {
      for (const key of ['zzUnknown', '__proto__', 'constructor']) {
        cases.push({
          operation: name,
          description: `query key ${key}`,
          path: `${pathWith(operation)}?${key}=1`,
          field: key,
        });
      }
    }
    for (const parameter of query) {
      const schema = resolve(parameter.schema ?? {});
      const bad =
        schema.type === 'number' || schema.type === 'integer' || schema.type === 'boolean'
          ? 'not-a-' + schema.type
          : schema.enum || schema.items?.enum
            ? 'zz-not-a-member'
            : undefined;
      if (bad !== undefined) {
        cases.push({
          operation: name,
          description: `query ${parameter.name}=${bad}`,
          path: `${pathWith(operation)}?${parameter.name}=${bad}`,
          field: parameter.name,
        });
      }
    }
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      for (const bogus of BOGUS_IDS) {
        cases.push({
          operation: name,
          description: `bogus ${parameter.name} ${bogus.slice(0, 20)}`,
          path: pathWith(operation, { [parameter.name]: bogus }),
          ...(operation.jsonBody ? { body: '{}' } : {}),
          field: undefined,
        });
      }
    }
    return cases;
  };

  const check = (fuzz: FuzzCase, response: RawResponse): string | undefined => {
    if (response.status >= 500) return 'a server error';
    if (response.status < 400) return 'accepted a request that breaks the schema';
    if (!response.contentType?.startsWith('application/json')) return 'not a JSON error';
    const body = response.body as { code?: unknown; message?: unknown; errors?: { field: string }[] };
    if (typeof body.code !== 'string' || typeof body.message !== 'string') return 'no code and message';
    if (fuzz.field === undefined) {
      // 414: the id is longer than any route parameter may be.
      if (![400, 404, 414].includes(response.status)) return `expected 400, 404 or 414`;
      return undefined;
    }
    if (response.status !== 400) return 'expected 400';
    const named = (body.errors ?? []).some((e) => {
      const field = e.field.replace(/\[(\d+)\]/g, '.$1');
      return field === fuzz.field || field.startsWith(`${fuzz.field}.`);
    });
    return named ? undefined : `the errors do not name ${fuzz.field}`;
  };

  it('refuses every malformed request with a JSON 4xx naming the field, and writes nothing', async () => {
    const violations: Violation[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      for (const fuzz of casesFor(operation, index)) {
        const before = await eventLogSnapshot(app);
        const response = await rawRequest(app, operation.method, fuzz.path, {
          token: admin,
          ...(fuzz.body !== undefined ? { body: fuzz.body, headers: { 'content-type': 'application/json' } } : {}),
        });
        sent += 1;
        const problem = check(fuzz, response);
        const after = await eventLogSnapshot(app);
        if (problem) violations.push({ operation: fuzz.operation, description: fuzz.description, problem, response });
        else if (after.count !== before.count || after.lastPosition !== before.lastPosition) {
          violations.push({
            operation: fuzz.operation,
            description: fuzz.description,
            problem: 'the event log changed',
            response,
          });
        }
      }
    }
    const summary = (v: Violation): string => {
      const body = v.response.body as { code?: string; errors?: { field: string }[] } | undefined;
      const fields = (body?.errors ?? []).map((e) => e.field).join(',');
      return `${v.operation} | ${v.description} | ${v.problem} | ${v.response.status} ${body?.code ?? ''} ${fields}`;
    };
    expect(violations.map(summary)).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 180_000);

  it('answers every secured operation without a token with 401, and writes nothing', async () => {
    const before = await eventLogSnapshot(app);
    const answers = await Promise.all(
      operations
        .filter((o) => o.secured)
        .map(async (o) => `${o.method} ${o.template} ${(await rawRequest(app, o.method, pathWith(o))).status}`),
    );
    expect(answers).toEqual(operations.filter((o) => o.secured).map((o) => `${o.method} ${o.template} 401`));
    expect(await eventLogSnapshot(app)).toEqual(before);
  });
});
