import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import type { Clock } from '#ltc/clock';
import { LTC_CONTEXTS, createApp, type EngineContexts } from '#ltc/engine';
import { TokenService, loadConfig, type ProcessRole, type Role } from '#ltc/platform';

export const TEST_SECRET = 'test-secret-for-end-to-end-tests-0123456789';

export interface TestAppOptions {
  /** Reuse a data folder to simulate a restart; default a fresh temp folder. */
  readonly dataDir?: string;
  readonly clock?: Clock;
  readonly readModelUrl?: string;
  readonly eventStoreUrl?: string;
  readonly role?: ProcessRole;
  /** Further environment variables for the configuration, e.g. LTC_TOKEN_EXPIRY. */
  readonly env?: Readonly<Record<string, string>>;
  /** The bounded contexts to compose; default every context the engine ships. */
  readonly contexts?: EngineContexts;
  /** The built web app to serve at `/`; default the project's dist/web. */
  readonly webAppDir?: string;
}

/** The real application on an ephemeral port, talking HTTP, on real files. */
export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly dataDir: string;
  token(roles: Role[], sub?: string, tenant?: string): Promise<string>;
  /** fetch against the app, JSON in and out. */
  request(method: string, path: string, init?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
  /** Closes and deletes the data folder. */
  destroy(): Promise<void>;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ltc-e2e-'));
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({
    LTC_DATA_DIR: dataDir,
    LTC_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...(options.readModelUrl ? { READMODEL_URL: options.readModelUrl } : {}),
    ...(options.eventStoreUrl ? { EVENTSTORE_URL: options.eventStoreUrl } : {}),
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const app = await createApp({
    contexts: options.contexts ?? LTC_CONTEXTS,
    config,
    logger,
    swaggerUi: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.role ? { role: options.role } : {}),
    ...(options.webAppDir ? { webAppDir: options.webAppDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new TokenService(TEST_SECRET);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    app,
    baseUrl,
    dataDir,
    token: (roles, sub = 'user-1', tenant = 'acme') => tokens.mint({ sub, roles, tenant }),
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers['authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    close,
    async destroy() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (read models are eventually consistent). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The body of a 2xx answer to `path`; anything else fails the test showing the status and the body. */
export function okBody(path: string, answered: TestResponse): Record<string, unknown> {
  expect({ path, status: answered.status < 300 ? 'ok' : answered.status, body: answered.body }).toMatchObject({
    path,
    status: 'ok',
  });
  return (answered.body ?? {}) as Record<string, unknown>;
}
