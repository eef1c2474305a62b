import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { TokenService } from '#ltc/platform';
import { builtEntry, startProcess, type RunningProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

/** A free port on loopback for a child process to listen on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
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
    const port = await freePort();
    const env = { LTC_DATA_DIR: dataDir, LTC_JWT_SECRET: TEST_SECRET, PORT: String(port), HOST: '127.0.0.1' };
    running.push(startProcess(builtEntry('api'), { ...env, LTC_ROLE: 'api' }));
    running.push(startProcess(builtEntry('worker'), env));
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => ((await fetch(`${base}/health`).catch(() => undefined))?.ok ? true : undefined),
      20_000,
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
  }, 60_000);
});
