import { startTestApp, type TestApp } from './support/test-app.js';

/** The rules part of GET /scoring-models/current, which is also the body of PUT. */
type ModelBody = {
  fitRules: { id: string; op: string; points: number }[];
  behaviourRules: unknown[];
  sourcePrior: unknown;
  tiers: { A: { minScore: number }; B: { minScore: number }; C: { minScore: number } };
};

describe('Lead scoring model over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.destroy());

  /** Each test works in its own tenant, so each starts from the default model. */
  let tenantNo = 0;
  async function tenant(): Promise<{ manager: string; rep: string }> {
    const name = `scoring-${++tenantNo}`;
    return {
      manager: await app.token(['sales_manager'], 'manager-1', name),
      rep: await app.token(['ar'], 'rep-1', name),
    };
  }

  async function currentModel(token: string): Promise<ModelBody> {
    const response = await app.request('GET', '/scoring-models/current', { token });
    expect(response.status).toBe(200);
    return response.body.model as ModelBody;
  }

  const stricterA = (model: ModelBody): ModelBody => ({
    ...model,
    tiers: { ...model.tiers, A: { ...model.tiers.A, minScore: model.tiers.A.minScore + 5 } },
  });

  it('serves the built-in default as version 1 to a tenant that never saved a model', async () => {
    const { rep } = await tenant();
    const response = await app.request('GET', '/scoring-models/current', { token: rep });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.body).toMatchObject({ version: 1, origin: 'default', revision: null, changedBy: null });
    expect(response.body.model.tiers.A).toMatchObject({ attemptTarget: 6, responseTargetSeconds: 300 });
    expect(response.body.model.fitRules.length).toBeGreaterThan(0);
  });

  it('saves a changed model as version 2 and serves it back with its ETag', async () => {
    const { manager } = await tenant();
    const changed = stricterA(await currentModel(manager));
    const put = await app.request('PUT', '/scoring-models/current', {
      token: manager,
      body: { ...changed, reason: 'Too many tier A leads to call within five minutes' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, changed: true, revision: 0 });
    expect(put.body.events.map((e: { type: string }) => e.type)).toEqual(['ScoringModelChanged']);
    expect(put.headers.get('etag')).toBe('"0"');

    const get = await app.request('GET', '/scoring-models/current', { token: manager });
    expect(get.headers.get('etag')).toBe('"0"');
    expect(get.body).toMatchObject({
      version: 2,
      origin: 'saved',
      revision: 0,
      changedBy: 'manager-1',
      reason: 'Too many tier A leads to call within five minutes',
    });
    expect(get.body.model).toEqual(changed);

    const same = await app.request('PUT', '/scoring-models/current', { token: manager, body: changed });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 2, changed: false, revision: 0, events: [] });
  });

  it('refuses an invalid model with 400 naming the field path, and saves nothing', async () => {
    const { manager } = await tenant();
    const model = await currentModel(manager);
    const broken = { ...model, fitRules: [{ ...model.fitRules[0], op: 'resembles' }, ...model.fitRules.slice(1)] };
    const response = await app.request('PUT', '/scoring-models/current', { token: manager, body: broken });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors[0]).toMatchObject({ field: 'fitRules[0].op', rule: 'oneOf' });

    const withVersion = await app.request('PUT', '/scoring-models/current', {
      token: manager,
      body: { ...model, version: 9 },
    });
    expect(withVersion.status).toBe(400);
    expect(withVersion.body.errors).toEqual([expect.objectContaining({ field: 'version', rule: 'unknownField' })]);

    const after = await app.request('GET', '/scoring-models/current', { token: manager });
    expect(after.body).toMatchObject({ version: 1, origin: 'default' });
  });

  it('answers a stale If-Match with 412 and keeps the newer model', async () => {
    const { manager } = await tenant();
    const first = stricterA(await currentModel(manager));
    const saved = await app.request('PUT', '/scoring-models/current', { token: manager, body: first });
    const etag = saved.headers.get('etag') ?? '';
    const second = stricterA(first);
    const fresh = await app.request('PUT', '/scoring-models/current', {
      token: manager,
      body: second,
      headers: { 'if-match': etag },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(3);

    const stale = await app.request('PUT', '/scoring-models/current', {
      token: manager,
      body: stricterA(second),
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('REVISION_MISMATCH');
    expect((await app.request('GET', '/scoring-models/current', { token: manager })).body.version).toBe(3);
  });

  it('previews a hypothetical lead with a breakdown whose points add up to the score', async () => {
    const { rep } = await tenant();
    const response = await app.request('POST', '/scoring-models/preview', {
      token: rep,
      body: {
        lead: { source: 'website', email: 'ingrid@nordfrakt.example', phone: '+46 8 123 456', company: 'Nordfrakt AB' },
        interactions: [{ kind: 'demo_request', at: new Date(Date.now() - 3_600_000).toISOString() }],
      },
    });
    expect(response.status).toBe(200);
    const { score, breakdown } = response.body as { score: number; breakdown: { ruleId: string; points: number }[] };
    expect(breakdown.reduce((sum, line) => sum + line.points, 0)).toBe(score);
    expect(breakdown.map((line) => line.ruleId)).toEqual(
      expect.arrayContaining(['has-email', 'has-phone', 'demo-request', 'source_prior']),
    );
    expect(response.body).toMatchObject({ modelVersion: 1, sourceConversion: { source: 'website', leads: 0 } });
    expect(['A', 'B', 'C']).toContain(response.body.tier);
  });

  it('previews with submitted rules, naming model.<path> when they are invalid', async () => {
    const { rep, manager } = await tenant();
    const model = await currentModel(manager);
    const generous = {
      ...model,
      fitRules: [{ id: 'any', label: 'Anyone', field: 'source', op: 'present', points: 90 }],
    };
    const lead = { source: 'lead_list' };
    const ok = await app.request('POST', '/scoring-models/preview', { token: rep, body: { lead, model: generous } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ score: 93, tier: 'A', modelVersion: null });

    const broken = { ...generous, fitRules: [{ ...generous.fitRules[0], op: 'resembles' }] };
    const bad = await app.request('POST', '/scoring-models/preview', { token: rep, body: { lead, model: broken } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('model.fitRules[0].op');
  });

  it('lets an AR read and preview the model but not change it (403)', async () => {
    const { rep } = await tenant();
    const model = await currentModel(rep);
    const response = await app.request('PUT', '/scoring-models/current', { token: rep, body: stricterA(model) });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('documents the scoring routes in OpenAPI', async () => {
    const docs = await app.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/scoring-models/current', '/scoring-models/preview']),
    );
  });
});
