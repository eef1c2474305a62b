import { rmSync } from 'node:fs';
import { runCli, type CliRun } from './support/cli.js';
import { figures } from './support/contract-world.js';
import { dataFiles } from './support/lead-read-models.js';
import { sqliteTables } from './support/read-model-tables.js';
import { quiet, rebuildEverything } from './support/rebuild-all.js';
import { TEST_SECRET, startTestApp, tempDataDir, type TestApp } from './support/test-app.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const SEED = ['demo', 'seed', '--deals', '6', '--seed', '42', '--tenant', 'acme'];

interface Exported {
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
}

const env = (dataDir: string): Record<string, string> => ({
  LTC_DATA_DIR: dataDir,
  LTC_JWT_SECRET: TEST_SECRET,
  LOG_LEVEL: 'silent',
});

async function exported(dataDir: string): Promise<Exported[]> {
  const run = await runCli(['export', 'events'], env(dataDir));
  expect(run.code).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Exported);
}

/**
 * What a seed decides: every stream's events in order, each as its type and data with ids masked
 * (they are random UUIDs), the streams sorted. Across streams the order may differ: process
 * managers reacting to one event append side by side, and timers due in one step fire in the
 * order of their ids.
 */
function histories(events: Exported[]): string[] {
  const streams = new Map<string, string[]>();
  for (const e of events) {
    const kind = e.stream.split('-')[0] ?? '';
    const line = `${e.type} ${JSON.stringify(e.data).replace(UUID, '<id>')}`;
    streams.set(e.stream, [...(streams.get(e.stream) ?? [kind]), line]);
  }
  return [...streams.values()].map((lines) => lines.join('\n')).sort();
}

/** `ltc demo seed` writes a history through the engine's routes that its read models show, the same for one seed. */
describe('ltc demo seed', () => {
  const dirs = [tempDataDir(), tempDataDir()];
  let runs: CliRun[];
  let app: TestApp | undefined;

  beforeAll(async () => {
    // Two fresh folders, one seed: side by side, to compare what they hold.
    runs = await Promise.all(dirs.map((dir) => runCli(SEED, env(dir))));
    // Two whole demo stories on a two-core machine: minutes when it is busy, not a measure of anything.
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds an empty data folder and reports what it wrote', () => {
    for (const run of runs) {
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Demo history written');
      expect(run.stdout).toMatch(/deals\s+6 opened/);
    }
  });

  it('writes the same history for the same seed: every stream the same events in the same order', async () => {
    const [first, second] = await Promise.all(dirs.map((dir) => exported(dir)));
    expect(first?.length).toBeGreaterThan(1000);
    // The export opens every context's personal fields (a contract's signatory, a ticket's contact).
    expect((first ?? []).filter((e) => JSON.stringify(e.data).includes('"$sealed"')).map((e) => e.type)).toEqual([]);
    expect(second?.length).toBe(first?.length);
    expect(histories(second ?? [])).toEqual(histories(first ?? []));
  });

  it('refuses a data folder that already has events, writing nothing', async () => {
    // Each export records itself in the tenant's read log: those are the exports', not the seed's.
    const business = async () =>
      (await exported(dirs[0] as string)).filter((event) => !event.stream.startsWith('readAudit-'));
    const before = await business();
    const again = await runCli(SEED, env(dirs[0] as string));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has events');
    expect(await business()).toEqual(before);
  });

  it('leaves a history the read models show: leads of every source, won deals, cash and tickets', async () => {
    app = await startTestApp({ dataDir: dirs[0] as string });
    const admin = await app.token(['admin'], 'demo-admin');
    const conversion = await app.request('GET', '/analytics/leads/conversion-by-source?from=2025-12-01&to=2026-07-01', {
      token: admin,
    });
    expect(conversion.status).toBe(200);
    const sources = conversion.body.sources as { source: string; captured: number; converted: number }[];
    expect(sources.filter((s) => s.captured > 0).length).toBeGreaterThanOrEqual(17);
    expect(conversion.body.average.captured).toBeGreaterThanOrEqual(46);
    expect(conversion.body.average.converted).toBe(6);
    expect(conversion.body.average.wonDeals).toBeGreaterThanOrEqual(1);

    const won = await app.request('GET', '/opportunities?status=won', { token: admin });
    expect(won.status).toBe(200);
    expect(won.body.items.length).toBeGreaterThanOrEqual(1);

    const contracts = await app.request('GET', '/contracts', { token: admin });
    expect(contracts.status).toBe(200);
    const balances = await Promise.all(
      (contracts.body.items as { id: string }[]).map(async (c) =>
        figures((await app!.request('GET', `/contracts/${c.id}/balance`, { token: admin })).body),
      ),
    );
    expect(balances.some((b) => b.paid > 0)).toBe(true);

    const tickets = await app.request('GET', '/tickets', { token: admin });
    expect(tickets.status).toBe(200);
    expect(tickets.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('rebuilds every read model over the whole demo history to exactly the rows the live engine wrote', async () => {
    const running = app as TestApp;
    // The clock is real now: what the history left due (timers) fires first; then it is quiet.
    await quiet(running, 60_000);
    const readModels = dataFiles(dirs[0] as string).readModels;
    const live = sqliteTables(readModels);
    for (const table of ['lead_list', 'opportunity_list', 'contract_invoices', 'service_tickets', 'audit_trail']) {
      expect({ table, filled: (live[table]?.length ?? 0) > 0 }).toEqual({ table, filled: true });
    }
    await rebuildEverything(running, 90_000);
    const rebuilt = sqliteTables(readModels);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(live));
    for (const [table, rows] of Object.entries(live)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows });
  }, 200_000);
});

describe('ltc demo seed beside a running server', () => {
  it('refuses while another process runs the background jobs on the folder', async () => {
    const server = await startTestApp();
    try {
      const run = await runCli(SEED, env(server.dataDir));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Another process runs the background jobs');
    } finally {
      await server.destroy();
    }
  }, 30_000);
});
