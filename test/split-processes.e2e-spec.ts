import { rmSync } from 'node:fs';
import { TokenService } from '#ltc/platform';
import { freePort } from './support/processes.js';
import { builtEntry, startProcess, type RunningProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

const METRICS_TOKEN = 'scrape-secret-0123456789';

async function scrape(base: string): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return await response.text();
}

describe('API and worker as separate processes on one embedded store (LTC_ROLE=api + worker)', () => {
  const dataDir = tempDataDir();
  const running: RunningProcess[] = [];
  afterAll(async () => {
    for (const worker of running) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a lead captured through the API process is scored, routed and listed by the worker process', async () => {
    const [port, workerPort] = [await freePort(), await freePort()];
    const env = {
      LTC_DATA_DIR: dataDir,
      LTC_JWT_SECRET: TEST_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LTC_METRICS_TOKEN: METRICS_TOKEN,
    };
    const api = startProcess(builtEntry('api'), { ...env, LTC_ROLE: 'api' });
    const worker = startProcess(builtEntry('worker'), { ...env, LTC_WORKER_PORT: String(workerPort) });
    running.push(api, worker);
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => ((await fetch(`${base}/health`).catch(() => undefined))?.ok ? true : undefined),
      // Generous: on a loaded machine two Node processes take a while to load their modules.
      60_000,
    );

    const token = await new TokenService(TEST_SECRET).mint({
      sub: 'manager',
      roles: ['sales_manager'],
      tenant: 'acme',
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const rep = await fetch(`${base}/reps`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'rep-ana', name: 'Ana', email: 'ana@acme.example', roles: ['ar'] }),
    });
    expect(rep.status).toBe(201);
    const created = await fetch(`${base}/leads`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Cold store', email: 'buyer@frost.example', source: 'website' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // The worker sees the API's append through the store's cross-process poll, then routes it.
    const lead = await eventually(async () => {
      const response = await fetch(`${base}/leads/${id}`, { headers });
      const body = response.ok
        ? ((await response.json()) as { ownerId: string | null; score: number | null })
        : undefined;
      return body?.ownerId && body.score !== null ? body : undefined;
    }, 20_000);
    expect(lead).toMatchObject({ ownerId: 'rep-ana' });

    const projections = (await (await fetch(`${base}/projections`, { headers })).json()) as {
      name: string;
      state: string;
    }[];
    expect(projections.map((p) => p.name)).toContain('lead_list');

    // The roles hold: the API process runs no background job; the worker process holds the lease.
    const runner = await fetch(`${base}/projections/runner`, { headers });
    expect(runner.status).toBe(200);
    expect(await runner.json()).toEqual({
      role: 'api',
      pid: api.child.pid,
      lease: 'sqlite_lock_file',
      owner: { pid: worker.child.pid, host: expect.any(String), processRole: 'worker', since: expect.any(String) },
    });
    // Only the lease holder may rebuild: the API process refuses and points at the worker.
    const adminToken = await new TokenService(TEST_SECRET).mint({ sub: 'ops', roles: ['admin'], tenant: 'acme' });
    const rebuild = await fetch(`${base}/projections/lead_list/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(rebuild.status).toBe(409);
    expect(await rebuild.json()).toMatchObject({ code: 'WORKER_NOT_IN_PROCESS' });

    // Each process's own metrics say the same: the worker runs the jobs and reports their lag, the API neither.
    const workerBase = `http://127.0.0.1:${workerPort}`;
    expect((await fetch(`${workerBase}/health`)).status).toBe(200);
    expect((await fetch(`${workerBase}/leads`)).status).toBe(404);
    const [workerMetrics, apiMetrics] = await Promise.all([scrape(workerBase), scrape(base)]);
    expect(workerMetrics).toContain('\nltc_background_jobs_active{process_role="worker"} 1\n');
    expect(workerMetrics).toMatch(/\nltc_projection_lag_events\{job="lead_list",kind="projection"\} \d+\n/);
    expect(apiMetrics).toContain('\nltc_background_jobs_active{process_role="api"} 0\n');
    expect(apiMetrics).not.toContain('\nltc_projection_lag_events{');
    expect(apiMetrics).toMatch(/\nltc_commands_total\{aggregate="Lead",command="CaptureLead",outcome="accepted"\} 1\n/);
  }, 120_000);
});
