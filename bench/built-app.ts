import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startStopwatch } from './stopwatch.js';

/** The built app serving a data folder over loopback HTTP, as a separate process. */
export interface RunningApp {
  readonly baseUrl: string;
  readonly secret: string;
  /** Seconds from the spawn until `/health` answered. */
  readonly startupSeconds: number;
  /** Seconds from the spawn until `ready` held as well. */
  readonly currentSeconds: number;
  stop(): Promise<void>;
}

export interface BuiltAppOptions {
  readonly dataDir: string;
  readonly tenant: string;
  /** The checkout whose build serves (default this one). */
  readonly appRoot?: string;
  /** Polled after `/health` answers until it resolves true: e.g. a list holds every row. */
  readonly ready?: (baseUrl: string, secret: string) => Promise<boolean>;
}

const SECRET = 'bench-scale-secret-with-at-least-32-characters';

/**
 * Starts `dist/apps/api/src/main.js` on the data folder with its process managers off: the
 * reads are measured, not the reaction to a history the bench wrote straight into the store.
 */
export async function startBuiltApp(options: BuiltAppOptions): Promise<RunningApp> {
  const port = await freePort();
  const stop = startStopwatch();
  const child = spawn(process.execPath, [join(options.appRoot ?? '.', 'dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LTC_DATA_DIR: options.dataDir,
      LTC_JWT_SECRET: SECRET,
      LTC_PROCESS_MANAGERS: 'off',
      LTC_DEFAULT_TENANT: options.tenant,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const up = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(50);
  }
  const startupSeconds = stop().seconds;
  if (options.ready) while (!(await options.ready(baseUrl, SECRET))) await sleep(200);
  return {
    baseUrl,
    secret: SECRET,
    startupSeconds,
    currentSeconds: stop().seconds,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
