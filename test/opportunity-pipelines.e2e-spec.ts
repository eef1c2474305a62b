import { createTestSchema, describeWithPostgres, type TestSchema } from '#ltc/testing';
import { dataFiles } from './support/lead-read-models.js';
import { postgresTables, sqliteTables, type TableSnapshot } from './support/read-model-tables.js';
import { eventually, startTestApp, type TestApp, type TestAppOptions } from './support/test-app.js';

/**
 * The pipeline list (`opportunity_pipelines`) is a fold of the pipeline streams: after two
 * tenants configure pipelines and new versions of them, rebuilding it from scratch gives
 * back the rows the live engine wrote, on both read-model databases; each tenant lists its own.
 */
const stage = (id: string, outcome: 'open' | 'won' | 'lost', probabilityBp: number, gates: string[] = []) => ({
  id,
  name: id,
  outcome,
  probabilityBp,
  forecastCategory: outcome === 'won' ? 'closed' : outcome === 'lost' ? 'omitted' : 'pipeline',
  gates,
});

const renewals = (name: string, handoffAcceptanceTargetSeconds: number) => ({
  name,
  stages: [stage('review', 'open', 5000), stage('renewed', 'won', 10_000), stage('churned', 'lost', 0)],
  handoffAcceptanceTargetSeconds,
  lossReasons: ['price', 'churn'],
});

async function pipelineIds(app: TestApp, token: string, expected: number): Promise<string[]> {
  return eventually(async () => {
    const listed = await app.request('GET', '/pipelines', { token });
    const ids = (listed.body.items ?? []).map((p: { pipelineId: string }) => p.pipelineId) as string[];
    return ids.length === expected ? ids : undefined;
  });
}

async function projected(app: TestApp, token: string): Promise<void> {
  await eventually(async () => {
    const statuses = await app.request('GET', '/projections', { token });
    const status = (statuses.body as { name: string; lag: string; state: string; rebuild: unknown }[]).find(
      (s) => s.name === 'opportunity_pipelines',
    );
    // A rebuild beside the live rows has switched over, not only the live rows caught up.
    return status?.lag === '0' && status.state === 'live' && !status.rebuild ? true : undefined;
  }, 15_000);
}

function describeRebuild(
  name: string,
  setup: () => Promise<{ options: TestAppOptions; tables: (dataDir: string) => Promise<TableSnapshot> }>,
): void {
  describe(name, () => {
    let app: TestApp | undefined;
    afterEach(() => app?.destroy());

    it('rebuilding the pipeline list gives back the live rows; each tenant sees its own pipelines', async () => {
      const { options, tables } = await setup();
      app = await startTestApp(options);
      const acme = await app.token(['sales_manager'], 'maria');
      const globex = await app.token(['sales_manager'], 'gita', 'globex');
      const admin = await app.token(['admin'], 'root');
      const put = (token: string, id: string, body: unknown) =>
        app!.request('PUT', `/pipelines/${id}`, { token, body });
      expect((await put(acme, 'renewals', renewals('Renewals', 3600))).status).toBe(200);
      expect((await put(acme, 'renewals', renewals('Renewals', 60))).body.version).toBe(2);
      expect((await put(acme, 'default', renewals('Our default', 86_400))).status).toBe(200);
      expect((await put(globex, 'renewals', renewals('Globex renewals', 5))).status).toBe(200);

      expect(await pipelineIds(app, acme, 2)).toEqual(['default', 'renewals']);
      // The list is a read model: globex's pipeline may land a moment after acme's.
      await projected(app, admin);
      const listed = await app.request('GET', '/pipelines', { token: globex });
      expect(listed.body.items).toEqual([
        expect.objectContaining({ pipelineId: 'default', version: 0, name: 'New business' }),
        expect.objectContaining({ pipelineId: 'renewals', version: 1, handoffAcceptanceTargetSeconds: 5 }),
      ]);
      const live = await tables(app.dataDir);
      expect(live['opportunity_pipelines']).toHaveLength(3);

      const rebuilt = await app.request('POST', '/projections/opportunity_pipelines/rebuild', { token: admin });
      expect(rebuilt.status).toBe(202);
      await projected(app, admin);
      expect((await tables(app.dataDir))['opportunity_pipelines']).toEqual(live['opportunity_pipelines']);
    }, 60_000);
  });
}

describeRebuild('Pipeline list › SQLite read models', async () => ({
  options: {},
  tables: async (dataDir) => sqliteTables(dataFiles(dataDir).readModels),
}));

await describeWithPostgres('Pipeline list › PostgreSQL read models', (url) => {
  let schema: TestSchema;
  afterAll(() => schema?.drop());
  describeRebuild('on a schema of its own', async () => {
    schema = await createTestSchema(url, 'pipelines');
    const separator = url.includes('?') ? '&' : '?';
    const readModelUrl = `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    return { options: { readModelUrl }, tables: () => postgresTables(url, schema.name) };
  });
});
