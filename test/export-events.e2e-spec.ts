import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { runCli } from './support/cli.js';
import { TEST_SECRET, eventually, startTestApp, type TestApp } from './support/test-app.js';

/** `ltc export events` over a store written through the API: every event, in log order, filtered as asked. */
describe('ltc export events', () => {
  let app: TestApp;
  let workDir: string;
  const env = (): Record<string, string> => ({
    LTC_DATA_DIR: app.dataDir,
    LTC_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
  });
  const store = (): EventStore => app.app.get<symbol, EventStore>(EVENT_STORE);

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'ltc-export-'));
    app = await startTestApp();
    const manager = await app.token(['sales_manager'], 'manager-1');
    for (let i = 1; i <= 3; i += 1) {
      const created = await app.request('POST', '/leads', {
        token: manager,
        body: {
          name: `Cold store ${i}`,
          company: '=HYPERLINK("x")',
          email: `b${i}@fjord.example`,
          source: 'website',
          region: 'EMEA',
        },
      });
      expect(created.status).toBe(201);
    }
    const other = await app.token(['sales_manager'], 'manager-9', 'globex');
    await app.request('POST', '/leads', {
      token: other,
      body: { name: 'Elsewhere', email: 'x@globex.example', source: 'referral', region: 'EMEA' },
    });
    // Scored by the background: the log holds more than the captures.
    await eventually(async () =>
      (await store().readAll({ filter: { eventTypes: ['LeadScored'] } })).length >= 3 ? true : undefined,
    );
  });
  afterAll(async () => {
    await app.destroy();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('writes every event as NDJSON in log order, with its metadata', async () => {
    const all = await store().readAll();
    const run = await runCli(['export', 'events'], env());
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { position: string; eventId: string; type: string; metadata: unknown; data: unknown },
      );
    // The store may have gone on (timers, routing) after the head the export read: a prefix, then, never a gap.
    expect(rows.map((r) => r.eventId)).toEqual(all.slice(0, rows.length).map((e) => e.id));
    expect(rows.length).toBeGreaterThanOrEqual(all.length - 5);
    expect(rows[0]).toMatchObject({
      position: all[0]!.position.toString(),
      metadata: all[0]!.metadata,
      data: all[0]!.data,
    });
    expect(run.stderr).toMatch(/events exported up to position \d+/);
  });

  it('narrows by kind, type, tenant and period, as CSV', async () => {
    const out = join(workDir, 'captures.csv');
    const run = await runCli(
      [
        'export',
        'events',
        '--kind',
        'lead',
        '--type',
        'LeadCaptured',
        '--tenant',
        'acme',
        '--format',
        'csv',
        '--out',
        out,
      ],
      env(),
    );
    expect(run.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'position,stream,revision,type,recordedAt,tenantId,actorUserId,actorRole,commandId,correlationId,causationId,eventId,data,metadata',
    );
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.includes(',LeadCaptured,') && line.includes(',acme,manager-1,'))).toBe(
      true,
    );
    const single = join(workDir, 'none.csv');
    const none = await runCli(
      ['export', 'events', '--from', '2999-01-01T00:00:00Z', '--format', 'csv', '--out', single],
      env(),
    );
    expect(none.code).toBe(0);
    expect(readFileSync(single, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad arguments and an existing output file, writing nothing', async () => {
    expect((await runCli(['export', 'events', '--format', 'xml'], env())).code).toBe(2);
    expect((await runCli(['export', 'events', '--from', 'yesterday'], env())).code).toBe(2);
    expect((await runCli(['export', 'leads'], env())).code).toBe(2);
    const kept = join(workDir, 'kept.ndjson');
    writeFileSync(kept, 'keep me');
    const refused = await runCli(['export', 'events', '--out', kept], env());
    expect(refused.code).toBe(2);
    expect(readFileSync(kept, 'utf8')).toBe('keep me');
  });
});
