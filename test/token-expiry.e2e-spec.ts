import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT, decodeJwt } from 'jose';
import { ROOT, builtEntry, freePort, startProcess } from './support/processes.js';
import { TEST_SECRET, eventually, startTestApp, tempDataDir, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

/** A token with the engine's claims but no `exp`, as a hand-rolled script might mint it. */
function tokenWithoutExpiry(): Promise<string> {
  return new SignJWT({ roles: ['admin'], tenant: 'acme' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('ops-script')
    .setIssuedAt()
    .sign(new TextEncoder().encode(TEST_SECRET));
}

function lifetimeSeconds(token: string): number | undefined {
  const { exp, iat } = decodeJwt(token);
  return exp === undefined || iat === undefined ? undefined : exp - iat;
}

/** `npm run ltc -- token …` from the build, with the test secret. */
async function ltcToken(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = join(ROOT, 'dist', 'apps', 'ltc', 'src', 'main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" (npm test does it for you)`);
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'token', ...args], {
      cwd: ROOT,
      env: { ...process.env, LTC_JWT_SECRET: TEST_SECRET },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('Token expiry', () => {
  describe('a server with the default policy', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp()));
    afterAll(() => app.destroy());

    it('refuses a token without `exp` with 401 INVALID_TOKEN', async () => {
      const response = await app.request('GET', '/leads', { token: await tokenWithoutExpiry() });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        code: 'INVALID_TOKEN',
        message: 'Token has no expiry ("exp" claim); mint one with an expiry',
      });
    });

    it('accepts a token with an expiry', async () => {
      const response = await app.request('GET', '/leads', { token: await app.token(['admin']) });
      expect(response.status).toBe(200);
    });
  });

  describe('a server started with LTC_TOKEN_EXPIRY=optional', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ env: { LTC_TOKEN_EXPIRY: 'optional' } })));
    afterAll(() => app.destroy());

    it('accepts a token without `exp`', async () => {
      const response = await app.request('GET', '/leads', { token: await tokenWithoutExpiry() });
      expect(response.status).toBe(200);
    });
  });

  describe('ltc token', () => {
    it('mints a 12-hour token when no --expires is given', async () => {
      const minted = await ltcToken(['--sub', 'alice', '--roles', 'ar', '--tenant', 'acme']);
      expect(minted.code).toBe(0);
      expect(lifetimeSeconds(minted.stdout.trim())).toBe(12 * 3600);
    });

    it('mints the lifetime --expires asks for', async () => {
      const minted = await ltcToken(['--sub', 'alice', '--expires', '90m']);
      expect(minted.code).toBe(0);
      expect(lifetimeSeconds(minted.stdout.trim())).toBe(90 * 60);
    });

    it('mints a token without `exp` for --expires never, warning that servers refuse it by default', async () => {
      const minted = await ltcToken(['--sub', 'ci-bot', '--expires', 'never']);
      expect(minted.code).toBe(0);
      expect(decodeJwt(minted.stdout.trim()).exp).toBeUndefined();
      expect(minted.stderr).toMatch(/LTC_TOKEN_EXPIRY=optional/);
    });

    it('refuses an unreadable --expires with exit code 2 and prints no token', async () => {
      const minted = await ltcToken(['--sub', 'alice', '--expires', 'tomorrow']);
      expect(minted).toEqual({
        code: 2,
        stdout: '',
        stderr: '--expires: Expiry "tomorrow" is not a duration (e.g. 12h, 30d, 90m) or "never"\n',
      });
    });
  });

  describe('the first start of a fresh data folder', () => {
    const dataDir = tempDataDir();
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('prints an admin token that expires in 30 days', async () => {
      const port = await freePort();
      const server = startProcess(builtEntry('api'), {
        LTC_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LTC_JWT_SECRET: '',
      });
      try {
        const token = await eventually(
          async () => /Admin token[^\n]*:\n\n {2}(\S+)/.exec(server.output())?.[1],
          90_000,
        );
        expect(server.output()).toMatch(/expires in 30d/);
        expect(lifetimeSeconds(token)).toBe(30 * 24 * 3600);
        const leads = await fetch(`http://127.0.0.1:${port}/leads`, { headers: { authorization: `Bearer ${token}` } });
        expect(leads.status).toBe(200);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }, 120_000);
  });
});
