import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The built app running as a child process on loopback, as `npm start` runs it. */
export interface ServerUnderTest {
  readonly url: string;
  readonly pid: number;
  readonly jwtSecret: string;
  /** Resident set size of the server process now, in MiB (from /proc; 0 where there is none). */
  rssMiB(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * Starts `dist/apps/api/src/main.js` on a fresh data folder, bound to 127.0.0.1 only, and
 * waits until `GET /health` answers 200. The secret is passed in so the bench can mint
 * tokens without reading the data folder. Extra `env` (e.g. `LTC_SQLITE_DURABILITY`) is
 * forwarded; logs below warn are dropped so logging does not weigh on the figures.
 */
export async function startServer(
  root: string,
  dataDir: string,
  env: Record<string, string>,
): Promise<ServerUnderTest> {
  const port = await freePort();
  const jwtSecret = randomBytes(32).toString('hex');
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LTC_DATA_DIR: dataDir,
      LTC_JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => stderr);
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    jwtSecret,
    rssMiB: () => rssMiB(pid),
    stop: () => stopChild(child),
  };
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /health within ${STARTUP_TIMEOUT_MS} ms: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : 0;
  } catch {
    return 0;
  }
}

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
