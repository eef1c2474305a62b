import { rmSync } from 'node:fs';
import { runNode } from '#ltc/testing';
import { builtEntry, freePort } from './support/processes.js';
import { eventually, tempDataDir } from './support/test-app.js';

/**
 * `npm start -- --demo` on a fresh data folder: a demo history is seeded through the demo seed
 * before the server listens, and the first-start admin token reads it; a restart with `--demo`
 * seeds nothing more.
 */
describe('npm start -- --demo', () => {
  const dataDir = tempDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(port: number) {
    const server = runNode([builtEntry('api'), '--demo'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      LTC_DATA_DIR: dataDir,
      LTC_JWT_SECRET: '',
      LTC_DEMO_DEALS: '1',
      LOG_LEVEL: 'info',
    });
    await eventually(async () => {
      if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
      const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      return health?.status === 200 ? true : undefined;
    }, 180_000);
    return server;
  }

  async function stop(server: Awaited<ReturnType<typeof start>>): Promise<void> {
    server.child.kill('SIGTERM');
    // Nest's shutdown hooks close the app, then end the process with the signal it got.
    expect([0, 'SIGTERM']).toContain(await server.exited);
  }

  it('seeds an empty store once, then starts on it', async () => {
    const port = await freePort();
    const first = await start(port);
    const token = /Admin token[^\n]*:\n\n {2}(\S+)/.exec(first.output())?.[1];
    if (!token) throw new Error(`no admin token printed:\n${first.output()}`);
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return await response.json();
    };
    const leadCount = async () => ((await get('/leads?limit=500')) as { items: unknown[] }).items.length;
    const seeded = await leadCount();
    expect(seeded).toBeGreaterThan(0);
    const head = ((await get('/projections')) as { headPosition: string }[])[0]?.headPosition;
    expect(BigInt(head ?? '0')).toBeGreaterThan(100n);
    await stop(first);

    const second = await start(port);
    expect(second.output()).toContain('the event store already has a history, so nothing is seeded');
    expect(second.output()).not.toContain('Admin token');
    expect(second.output()).not.toContain('seeding a demo history');
    // Timers that fell due since the history's last day may fire; no lead is added.
    expect(await leadCount()).toBe(seeded);
    await stop(second);
  }, 360_000);
});
