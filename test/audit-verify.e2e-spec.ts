import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, SqliteEventStore, type EventStore, type RecordedEvent } from '#ltc/event-store';
import { runCli } from './support/cli.js';
import { dataFiles } from './support/lead-read-models.js';
import { TEST_SECRET, eventually, startTestApp, type TestApp } from './support/test-app.js';

interface ChainReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  anchorsChecked: number;
  breaks: { stream: string; revision: string; position: string | null; eventId: string | null; reason: string }[];
}

let seq = 0;
const newLead = () => ({
  name: `Cold-chain sensors ${++seq}`,
  company: 'Fjord Foods',
  email: `buyer${seq}@fjord.example`,
  source: 'website',
  region: 'EMEA',
  estimatedDealSize: 250_000,
});

/**
 * Tamper evidence end to end: events written through the API, the SQLite file edited behind
 * the engine's back, and `ltc audit verify` / `GET /audit/verify` pointing at exactly the
 * edited event.
 */
describe('Audit: hash-chain verification', () => {
  let app: TestApp;
  let dataDir: string;
  let workDir: string;
  const env = (): Record<string, string> => ({
    LTC_DATA_DIR: dataDir,
    LTC_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
  });
  const store = (): EventStore => app.app.get<symbol, EventStore>(EVENT_STORE);

  const captureSettled = async (token: string): Promise<string> => {
    const created = await app.request('POST', '/leads', { token, body: newLead() });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // Scored by the background: the stream has grown past its first event.
    await eventually(async () => ((await store().readStream(`lead-${id}`)).length > 1 ? true : undefined));
    return id;
  };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'ltc-audit-'));
    app = await startTestApp();
    dataDir = app.dataDir;
  });
  afterAll(async () => {
    await app.destroy();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('finds every link intact in a history written through the API, per tenant', async () => {
    const manager = await app.token(['sales_manager'], 'manager-1');
    for (let i = 0; i < 3; i += 1) await captureSettled(manager);
    await captureSettled(await app.token(['sales_manager'], 'manager-9', 'globex'));

    const auditor = await app.token(['auditor'], 'auditor-1');
    const report = await app.request('GET', '/audit/verify', { token: auditor });
    expect(report.status).toBe(200);
    const acme = (await store().readAll()).filter((event) => event.metadata.tenantId === 'acme');
    expect(report.body).toMatchObject({ ok: true, breaks: [], anchorsChecked: 0, eventsChecked: acme.length });
    expect(report.body.streamsChecked).toBe(new Set(acme.map((event) => event.stream)).size);

    const globex = await app.request('GET', '/audit/verify', {
      token: await app.token(['auditor'], 'auditor-9', 'globex'),
    });
    expect(globex.body.eventsChecked).toBeLessThan(report.body.eventsChecked);
    expect(globex.body.ok).toBe(true);

    const rep = await app.request('GET', '/audit/verify', { token: await app.token(['ar'], 'rep-1') });
    expect(rep.status).toBe(403);

    const cli = await runCli(['audit', 'verify', '--json'], env());
    expect(cli).toMatchObject({ code: 0 });
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, eventsChecked: (await store().readAll()).length });
  });

  it('points at exactly the event edited in the SQLite file, and a removed tail only against an anchor', async () => {
    const manager = await app.token(['sales_manager'], 'manager-1');
    const edited = await captureSettled(manager);
    const shortened = await captureSettled(manager);
    const anchorFile = join(workDir, 'anchors.json');
    const anchored = await runCli(['audit', 'anchor', '--tenant', 'acme', '--out', anchorFile], env());
    expect(anchored).toMatchObject({ code: 0 });
    await app.close();

    const captured = (await eventsOf(dataDir, `lead-${edited}`))[0]!;
    const removedTail = (await eventsOf(dataDir, `lead-${shortened}`)).at(-1)!;
    const db = new Database(dataFiles(dataDir).events);
    db.prepare(
      `UPDATE events SET data = json_set(data, '$.estimatedDealSize', 9900000) WHERE stream = ? AND revision = 0`,
    ).run(`lead-${edited}`);
    db.prepare('DELETE FROM events WHERE stream = ? AND revision = ?').run(
      `lead-${shortened}`,
      Number(removedTail.revision),
    );
    db.close();

    const plain = await runCli(['audit', 'verify', '--json'], env());
    expect(plain.code).toBe(1);
    const found = JSON.parse(plain.stdout) as ChainReport;
    // Only the edited event breaks: the events after it still link to the hash it carries.
    expect(found.breaks).toEqual([
      expect.objectContaining({
        stream: `lead-${edited}`,
        revision: '0',
        position: captured.position.toString(),
        eventId: captured.id,
        reason: 'content_changed',
      }),
    ]);

    const text = await runCli(['audit', 'verify'], env());
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`lead-${edited} @ revision 0 (position ${captured.position}`);

    const withAnchors = await runCli(['audit', 'verify', '--anchors', anchorFile, '--tenant', 'acme', '--json'], env());
    expect(withAnchors.code).toBe(1);
    const anchoredReport = JSON.parse(withAnchors.stdout) as ChainReport;
    expect(anchoredReport.anchorsChecked).toBeGreaterThan(0);
    expect(anchoredReport.breaks.map((b) => [b.stream, b.revision, b.reason])).toEqual([
      [`lead-${edited}`, '0', 'content_changed'],
      [`lead-${shortened}`, removedTail.revision.toString(), 'anchor_missing'],
    ]);

    // The same over HTTP, after a restart on the edited files.
    app = await startTestApp({ dataDir });
    const auditor = await app.token(['auditor'], 'auditor-1');
    const overHttp = await app.request('GET', '/audit/verify', { token: auditor });
    expect(overHttp.status).toBe(200);
    expect(overHttp.body.ok).toBe(false);
    expect(overHttp.body.breaks).toEqual([
      expect.objectContaining({ stream: `lead-${edited}`, revision: '0', reason: 'content_changed' }),
    ]);
    expect(overHttp.body.breaks[0].meaning).toMatch(/not the one appended/);

    const againstFile = await app.request('POST', '/audit/verify', {
      token: auditor,
      body: JSON.parse(readFileSync(anchorFile, 'utf8')),
    });
    expect(againstFile.status).toBe(200);
    expect(againstFile.body.breaks.map((b: { reason: string }) => b.reason)).toEqual([
      'content_changed',
      'anchor_missing',
    ]);
  });

  it('refuses anchor files it cannot read with the field and the rule, and changes nothing', async () => {
    const auditor = await app.token(['auditor'], 'auditor-1');
    const before = (await store().readAll()).length;
    const bad = await app.request('POST', '/audit/verify', {
      token: auditor,
      body: { anchors: [{ stream: 'lead-1', revision: 'seven', chainHash: 'abc' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'anchors.0.revision' }),
        expect.objectContaining({ field: 'anchors.0.chainHash' }),
      ]),
    );
    const garbage = join(workDir, 'not-anchors.json');
    writeFileSync(garbage, '{"anchors": 3}');
    const cli = await runCli(['audit', 'verify', '--anchors', garbage], env());
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/not one `ltc audit anchor` wrote/);
    expect((await store().readAll()).length).toBe(before);
  });
});

async function eventsOf(dataDir: string, stream: string): Promise<RecordedEvent[]> {
  const reader = new SqliteEventStore({ filename: dataFiles(dataDir).events });
  try {
    return await reader.readStream(stream);
  } finally {
    await reader.close();
  }
}
