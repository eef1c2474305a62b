import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { runCli } from './support/cli.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

interface ProjectionView {
  name: string;
  kind: string;
  state: string;
  position: string | null;
  headPosition: string;
  lag: string;
}

describe('ltc projections over HTTP', () => {
  let apiOnly: TestApp;
  let app: TestApp;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    // The API-only process first: it only creates tables, so it never waits on the worker's write lock.
    apiOnly = await startTestApp({ role: 'api' });
    app = await startTestApp({ dataDir: apiOnly.dataDir });
    admin = await app.token(['admin'], 'operator-1');
    manager = await app.token(['sales_manager'], 'manager-1');
    const created: number[] = [];
    for (const [n, company] of ['Fjord Freight', 'Polar Parts', 'Birch Bikes'].entries()) {
      const response = await app.request('POST', '/leads', {
        token: manager,
        body: { name: `Buyer ${n}`, company, email: `buyer-${n}@cli.example`, source: 'website', region: 'EMEA' },
      });
      created.push(response.status);
    }
    expect(created).toEqual([201, 201, 201]);
    await caughtUp();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await apiOnly.destroy();
  });

  const ltc = (args: string[], token = admin, url = app.baseUrl) =>
    runCli(['projections', ...args, '--url', url], { LTC_TOKEN: token });

  /** Every projection and process manager at lag 0, as GET /projections reports them. */
  const caughtUp = (): Promise<ProjectionView[]> =>
    eventually(async () => {
      const views = (await app.request('GET', '/projections', { token: manager })).body as ProjectionView[];
      return views.every((view) => view.lag === '0') ? views : undefined;
    }, 15_000);
  /** Each one's lag right now, without waiting. */
  const lagOf = async (): Promise<Record<string, string>> => {
    const views = (await app.request('GET', '/projections', { token: manager })).body as ProjectionView[];
    return Object.fromEntries(views.map((view) => [view.name, view.lag]));
  };
  const leads = async (): Promise<unknown[]> => {
    const page = await app.request('GET', '/leads?region=EMEA&limit=100', { token: manager });
    expect(page.status).toBe(200);
    return page.body.items as unknown[];
  };
  /** The table's rows (header left out), each split on its column gaps. */
  const rowsOf = (table: string): string[][] =>
    table
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s{2,}/));

  it('list --json prints what GET /projections answers, lead_list live at lag 0', async () => {
    const views = await caughtUp();
    const run = await ltc(['list', '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as ProjectionView[];
    expect(listed.map((view) => [view.name, view.kind, view.lag])).toEqual(
      views.map((view) => [view.name, view.kind, '0']),
    );
    expect(listed.find((view) => view.name === 'lead_list')).toMatchObject({
      kind: 'projection',
      state: 'live',
      lag: '0',
    });
  });

  it('list prints a table for people: one row per projection and process manager', async () => {
    const views = await caughtUp();
    const run = await ltc(['list']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^NAME +KIND +VERSION +STATE +POSITION +LAG$/);
    const rows = rowsOf(run.stdout);
    expect(rows.map((row) => row[0])).toEqual(views.map((view) => view.name));
    expect(rows.find((row) => row[0] === 'lead_list')).toEqual([
      'lead_list',
      'projection',
      expect.stringMatching(/^\d+$/),
      'live',
      expect.stringMatching(/^[\d,]+$/),
      '0',
    ]);
  });

  it('status NAME adds which process runs the background jobs', async () => {
    const run = await ltc(['status', 'lead_list']);
    expect(run.code).toBe(0);
    const [runner, blank, ...table] = run.stdout.trim().split('\n');
    expect(runner).toBe(
      `The API at ${app.baseUrl} (pid ${process.pid}) runs the background jobs: projections, process managers ` +
        'and timers (lease: sqlite_lock_file).',
    );
    expect(blank).toBe('');
    expect(rowsOf(table.join('\n'))).toEqual([
      ['lead_list', 'projection', expect.any(String), 'live', expect.any(String), '0'],
    ]);

    const json = await ltc(['status', 'lead_list', '--json']);
    const answer = JSON.parse(json.stdout) as { runner: { role: string }; projections: ProjectionView[] };
    expect(answer.runner).toMatchObject({ role: 'active', pid: process.pid, owner: { pid: process.pid } });
    expect(answer.projections.map((view) => view.name)).toEqual(['lead_list']);
  });

  it('rebuild NAME resets lead_list, follows it to the head and leaves the same leads behind', async () => {
    await caughtUp();
    const before = await leads();
    expect(before).toHaveLength(3);
    const run = await ltc(['rebuild', 'lead_list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const head = (await app.request('GET', '/projections', { token: manager })).body[0].headPosition as string;
    expect(run.stderr.trim().split('\n')).toEqual([
      'Rebuilding lead_list from the start of the log…',
      expect.stringMatching(
        new RegExp(`^lead_list is caught up: ${Number(head).toLocaleString('en-US')} events in \\d+\\.\\d s$`),
      ),
    ]);
    // Caught up when the command ends: no waiting here.
    expect(await lagOf()).toMatchObject({ lead_list: '0' });
    expect(await leads()).toEqual(before);
  });

  it('rebuild --all rebuilds every projection and lead routing, skips the other process managers and sums up', async () => {
    const views = await caughtUp();
    const before = await leads();
    const run = await ltc(['rebuild', '--all']);
    expect(run.code).toBe(0);
    expect(Object.values(await lagOf())).toEqual(views.map(() => '0'));
    const head = Number(views[0]?.headPosition).toLocaleString('en-US');
    // Only lead routing among the process managers keeps tables of its own (ADR 0016).
    const rebuilt = (view: ProjectionView) => view.kind === 'projection' || view.name === 'lead_routing';
    const ordered = [...views.filter((v) => v.kind === 'projection'), ...views.filter((v) => v.kind !== 'projection')];
    expect(run.stdout.split('\n')[0]).toMatch(/^NAME +KIND +RESULT +EVENTS +SECONDS$/);
    expect(rowsOf(run.stdout)).toEqual(
      ordered.map((view) =>
        rebuilt(view)
          ? [view.name, view.kind, 'rebuilt', head, expect.stringMatching(/^\d+\.\d$/)]
          : [view.name, view.kind, 'skipped', '-', '-'],
      ),
    );
    const skipped = ordered.filter((view) => !rebuilt(view));
    expect(skipped.length).toBeGreaterThan(0);
    for (const view of skipped) {
      expect(run.stderr).toContain(
        `Skipping ${view.name}: a process manager without tables of its own has nothing to rebuild\n`,
      );
    }
    expect(run.stderr.match(/ is caught up: /g)).toHaveLength(ordered.length - skipped.length);
    expect(await leads()).toEqual(before);
  }, 60_000);

  it('an unknown projection: 1 with the API’s 404; a name status does not know: 1', async () => {
    const rebuild = await ltc(['rebuild', 'lead_lsit']);
    expect(rebuild).toEqual({
      code: 1,
      stdout: '',
      stderr: '404 PROJECTION_NOT_FOUND: Projection lead_lsit not found\n',
    });
    const status = await ltc(['status', 'lead_lsit']);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^No projection or process manager is named "lead_lsit"; known: lead_list, /);
  });

  it('a token without admin: 1 with the API’s 403, nothing rebuilt', async () => {
    const run = await ltc(['rebuild', 'lead_list'], manager);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^403 FORBIDDEN: .+\n$/);
  });

  it('an API-only process refuses with WORKER_NOT_IN_PROCESS, and the command says where the jobs run', async () => {
    const runner = (await apiOnly.request('GET', '/projections/runner', { token: admin })).body;
    const run = await ltc(['rebuild', 'lead_list'], admin, apiOnly.baseUrl);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^409 WORKER_NOT_IN_PROCESS: /),
      `The API at ${apiOnly.baseUrl} (pid ${process.pid}) serves HTTP only (LTC_ROLE=api) and never runs the ` +
        `background jobs; the lease was last taken by pid ${process.pid} on ${hostname()} (role all) at ${runner.owner.since}.`,
      'Only the process that runs the background jobs rebuilds.',
      `Point --url (or LTC_URL) at the HTTP address of pid ${process.pid} on ${hostname()}.`,
    ]);
  });

  it('no answer at the URL: 1, naming the URL it tried', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await ltc(['list'], admin, url);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Cannot reach the API at ${url}: connection refused (is it running there? set --url or LTC_URL)\n`,
    );
  });

  it('bad arguments: 2 with the usage, a missing token included', async () => {
    const noToken = await runCli(['projections', 'list', '--url', app.baseUrl], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(
      /^A token is needed: --token TOKEN or LTC_TOKEN \(ltc token --sub you --roles auditor\)\n/,
    );
    const usage = 'Usage:\n  ltc projections list [--json]';
    for (const args of [
      [],
      ['frob'],
      ['rebuild'],
      ['rebuild', 'lead_list', '--all'],
      ['list', '--all'],
      ['list', '--nope'],
    ]) {
      const run = await runCli(['projections', ...args], { LTC_TOKEN: admin });
      expect({ args, code: run.code, usage: run.stderr.includes(usage) }).toEqual({ args, code: 2, usage: true });
    }
    const help = await runCli(['help'], {});
    expect(help.stdout).toContain('ltc projections rebuild NAME|--all');
    // Eight CLI processes, a few seconds each to start on a busy two-core machine.
  }, 90_000);
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}
