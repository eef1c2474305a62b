import { rmSync } from 'node:fs';
import { TokenService } from '#ltc/platform';
import { freePort } from './support/processes.js';
import { builtEntry, startProcess, type RunningProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

interface Engine {
  readonly process: RunningProcess;
  readonly base: string;
}

interface RunnerView {
  role: string;
  pid: number;
  lease: string;
  owner: { pid: number; processRole: string } | null;
}

interface ProjectionView {
  name: string;
  state: string;
  lag: string;
}

describe('two engines started on one data folder (npm start twice)', () => {
  const dataDir = tempDataDir();
  const engines: Engine[] = [];
  let headers: Record<string, string>;
  afterAll(async () => {
    for (const engine of engines) {
      engine.process.child.kill('SIGKILL');
      await engine.process.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startEngine(): Promise<Engine> {
    const port = await freePort();
    const process = startProcess(builtEntry('api'), {
      LTC_DATA_DIR: dataDir,
      LTC_JWT_SECRET: TEST_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    const engine = { process, base: `http://127.0.0.1:${port}` };
    engines.push(engine);
    await eventually(
      async () => ((await fetch(`${engine.base}/health`).catch(() => undefined))?.ok ? true : undefined),
      // Generous: on a loaded machine a Node process takes a while to load its modules.
      60_000,
    );
    return engine;
  }

  async function get<T>(engine: Engine, path: string): Promise<T> {
    const response = await fetch(`${engine.base}${path}`, { headers });
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
    return (await response.json()) as T;
  }

  async function capture(engine: Engine, n: number): Promise<number> {
    const response = await fetch(`${engine.base}/leads`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Buyer ${n}`, email: `buyer-${n}@frost.example`, source: 'website' }),
    });
    return response.status;
  }

  /** Resolves once `engine` lists exactly `total` leads and every projection reports lag 0 and no failure. */
  async function caughtUp(engine: Engine, total: number): Promise<ProjectionView[]> {
    return eventually(async () => {
      const page = await get<{ total: number }>(engine, '/leads?limit=1');
      const projections = await get<ProjectionView[]>(engine, '/projections');
      const settled = projections.every((p) => p.lag === '0' && p.state !== 'failed' && p.state !== 'retrying');
      return page.total === total && settled ? projections : undefined;
    }, 30_000);
  }

  it('runs the background jobs in exactly one of them; after kill -9 the other takes over and catches up', async () => {
    const token = await new TokenService(TEST_SECRET).mint({
      sub: 'manager',
      roles: ['sales_manager'],
      tenant: 'acme',
    });
    headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const first = await startEngine();
    const second = await startEngine();
    const pidOf = (engine: Engine): number => engine.process.child.pid ?? -1;

    const roles = await Promise.all([first, second].map((e) => get<RunnerView>(e, '/projections/runner')));
    expect(roles.map((r) => r.role).sort()).toEqual(['active', 'standby']);
    const active = roles[0]?.role === 'active' ? first : second;
    const standby = active === first ? second : first;
    for (const role of roles) {
      expect(role).toMatchObject({ lease: 'sqlite_lock_file', owner: { pid: pidOf(active), processRole: 'all' } });
    }
    expect(roles.map((r) => r.pid).sort()).toEqual([pidOf(first), pidOf(second)].sort());

    // Both serve commands; the active one projects them all.
    const statuses: number[] = [];
    for (let n = 0; n < 50; n++) statuses.push(await capture(n % 2 === 0 ? first : second, n));
    expect(statuses).toEqual(Array.from({ length: 50 }, () => 201));
    await caughtUp(active, 50);
    // The standby reports the same checkpoints and the same exact lag as the active process.
    await caughtUp(standby, 50);
    // As stored: every one running, a process manager with no event of its kind yet too, once
    // the active process has passed its checkpoint over the log (ADR 20).
    const fromStandby = await eventually(async () => {
      const view = await caughtUp(standby, 50);
      return view.every((p) => p.state === 'running') ? view : undefined;
    });
    expect(fromStandby.filter((p) => p.state !== 'running')).toEqual([]);

    active.process.child.kill('SIGKILL');
    await active.process.exited;
    const later: number[] = [];
    for (let n = 50; n < 60; n++) later.push(await capture(standby, n));
    expect(later).toEqual(Array.from({ length: 10 }, () => 201));

    const takenOver = await eventually(async () => {
      const view = await get<RunnerView>(standby, '/projections/runner');
      return view.role === 'active' ? view : undefined;
    }, 10_000);
    expect(takenOver).toMatchObject({ pid: pidOf(standby), owner: { pid: pidOf(standby) } });
    const after = await caughtUp(standby, 60);
    expect(after.every((p) => p.state === 'live')).toBe(true);
  }, 240_000);
});
