import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEsdbWireDouble } from '#ltc/testing';
import { openLive, type LiveReader } from './support/live-reader.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const lead = (n: number) => ({ name: `Live lead ${n}`, email: `live${n}@nordfrakt.example`, source: 'website' });

/** The same feed on each store: the embedded SQLite store wakes it on commit, EventStoreDB pushes. */
const STORES: readonly { readonly name: string; start(): Promise<{ app: TestApp; stop(): Promise<void> }> }[] = [
  {
    name: 'the embedded SQLite store',
    async start() {
      const app = await startTestApp();
      return { app, stop: () => app.destroy() };
    },
  },
  {
    name: 'EventStoreDB (wire double)',
    async start() {
      const double = await startEsdbWireDouble();
      const app = await startTestApp({ eventStoreUrl: double.connectionString });
      return {
        app,
        async stop() {
          await app.destroy();
          await double.stop();
        },
      };
    },
  },
];

describe.each(STORES)('GET /live on $name: the change feed of the caller’s tenant, over HTTP', (store) => {
  let app: TestApp;
  let stop: () => Promise<void>;
  let admin: string;
  const readers: LiveReader[] = [];
  const open = async (token: string, lastEventId?: string) => {
    const reader = await openLive(app.baseUrl, token, lastEventId);
    readers.push(reader);
    return reader;
  };

  beforeAll(async () => {
    ({ app, stop } = await store.start());
    admin = await app.token(['admin'], 'admin');
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await stop();
  });

  it('announces a captured lead within a second: stream, type, revision and position, never its data', async () => {
    const rep = await open(await app.token(['ar'], 'rep-ada'));
    expect(rep.status).toBe(200);
    const captured = await app.request('POST', '/leads', { token: admin, body: lead(1) });
    expect(captured.status).toBe(201);
    const started = Date.now();
    const change = await rep.waitFor((c) => c.stream === `lead-${captured.body.id}` && c.type === 'LeadCaptured', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Object.keys(change).sort()).toEqual(['position', 'revision', 'stream', 'type']);
    expect(change.revision).toBe(0);
    expect(JSON.stringify(rep.changes)).not.toContain('nordfrakt');
  });

  it('resumes after the Last-Event-ID it is given, missing nothing and repeating nothing', async () => {
    const first = await open(admin);
    const one = await app.request('POST', '/leads', { token: admin, body: lead(2) });
    const seen = await first.waitFor((c) => c.stream === `lead-${one.body.id}` && c.type === 'LeadCaptured');
    first.close();
    const two = await app.request('POST', '/leads', { token: admin, body: lead(3) });
    const resumed = await open(admin, seen.position);
    await resumed.waitFor((c) => c.stream === `lead-${two.body.id}` && c.type === 'LeadCaptured');
    expect(resumed.changes.every((c) => BigInt(c.position) > BigInt(seen.position))).toBe(true);
    const positions = resumed.changes.map((c) => c.position);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('tells a tenant nothing of another tenant’s changes', async () => {
    const other = await open(await app.token(['admin'], 'admin', 'globex'));
    const own = await open(admin);
    const captured = await app.request('POST', '/leads', { token: admin, body: lead(4) });
    await own.waitFor((c) => c.stream === `lead-${captured.body.id}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.changes.filter((c) => c.stream === `lead-${captured.body.id}`)).toEqual([]);
  });

  it('is an event stream only: without Accept text/event-stream 406, a malformed Last-Event-ID 400, no token 401', async () => {
    const json = await app.request('GET', '/live', { token: admin });
    expect([json.status, json.body.code]).toEqual([406, 'NOT_ACCEPTABLE']);
    const malformed = await app.request('GET', '/live', {
      token: admin,
      headers: { accept: 'text/event-stream', 'last-event-id': 'yesterday' },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const anonymous = await app.request('GET', '/live', { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
  });
});

describe('The web app beside the API', () => {
  let app: TestApp;
  const built = mkdtempSync(join(tmpdir(), 'ltc-web-'));
  beforeAll(async () => {
    mkdirSync(join(built, 'assets'));
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><script type="module" src="/app/assets/main-1a2b.js"></script>',
    );
    writeFileSync(join(built, 'assets', 'main-1a2b.js'), 'console.log("app")');
    app = await startTestApp({ webAppDir: built });
  });
  afterAll(async () => {
    await app.destroy();
    rmSync(built, { recursive: true, force: true });
  });

  it('serves its page at / and its hashed assets under /app/, leaving every API path to the API', async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-cache',
    ]);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${app.baseUrl}/app/assets/main-1a2b.js`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('GET', '/leads')).body.code).toBe('INVALID_TOKEN');
    expect((await app.request('GET', '/docs-json')).body.paths['/live']).toBeDefined();
  });

  it('serves only the files of the build, never a path that climbs out of it', async () => {
    for (const path of [
      '/app/assets/other.js',
      '/app/..%2F..%2Fpackage.json',
      '/app/../package.json',
      '/app/index.html',
    ]) {
      expect((await fetch(`${app.baseUrl}${path}`)).status).toBe(404);
    }
  });
});
