import { rmSync } from 'node:fs';
import { TokenService } from '#ltc/platform';
import { expectExactlyOne } from '#ltc/testing';
import { builtEntry, freePort, startProcess, type RunningProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * Two API processes on one store, as behind a load balancer: each keeps its own cache of recently
 * folded streams, and neither may trust it over the store. Every append checks the stream's
 * revision, so commands racing through both replicas cannot both win, none is lost, and a replica
 * whose cache is behind decides on what the other one wrote.
 */
describe('two API replicas on one store (LTC_ROLE=api ×2 + a worker)', () => {
  const dataDir = tempDataDir();
  const running: RunningProcess[] = [];
  let replicas: string[] = [];
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    const env = { LTC_DATA_DIR: dataDir, LTC_JWT_SECRET: TEST_SECRET, HOST: '127.0.0.1' };
    // The worker first: it creates the data folder's files before the API processes open them.
    running.push(startProcess(builtEntry('worker'), env));
    for (const port of ports)
      running.push(startProcess(builtEntry('api'), { ...env, LTC_ROLE: 'api', PORT: String(port) }));
    replicas = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const base of replicas) {
      await eventually(
        async () => ((await fetch(`${base}/health`).catch(() => undefined))?.ok ? true : undefined),
        60_000,
      );
    }
    const tokens = new TokenService(TEST_SECRET);
    admin = await tokens.mint({ sub: 'ops', roles: ['admin'], tenant: 'acme' });
    auditor = await tokens.mint({ sub: 'audit', roles: ['auditor'], tenant: 'acme' });
    for (const id of ['rep-first', 'rep-late']) {
      const rep = await send(0, 'POST', '/reps', { id, name: id, email: `${id}@replicas.example`, roles: ['ar'] });
      expect(rep.status).toBe(201);
    }
  }, 90_000);

  afterAll(async () => {
    for (const process of running) {
      process.child.kill('SIGTERM');
      await process.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(
    replica: number,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${replicas[replica] ?? ''}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${method === 'GET' ? auditor : admin}`,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = (await response.json()) as { code?: string };
    return { status: response.status, code: parsed.code, body: parsed };
  }

  const tag = (replica: number, id: string, name: string, headers: Record<string, string> = {}) =>
    send(replica, 'POST', `/leads/${id}/tags`, { category: 'cognitive_mode', tag: name }, headers);

  async function capture(name: string): Promise<string> {
    const created = await send(0, 'POST', '/leads', { name, email: `${name}@replicas.example`, source: 'website' });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /** The lead's stream as either replica reads it from the store: types and revisions. */
  async function history(id: string): Promise<{ type: string; revision: number }[]> {
    const stream = await send(1, 'GET', `/streams/lead-${id}`);
    expect(stream.status).toBe(200);
    return (stream.body.events as { type: string; revision: string }[]).map(({ type, revision }) => ({
      type,
      revision: Number(revision),
    }));
  }

  /** The stream's revision once the worker's reactions to the capture (scoring, routing) are in. */
  async function settledRevision(id: string): Promise<number> {
    return await eventually(async () => {
      const before = await history(id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await history(id);
      const quiet = after.length === before.length && after.some((e) => e.type === 'LeadAssigned');
      return quiet ? after.at(-1)?.revision : undefined;
    }, 20_000);
  }

  it('lets exactly one of a command sent through both replicas with the same If-Match win; the rest get 412', async () => {
    const id = await capture('if-match-race');
    const revision = await settledRevision(id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tag(i % 2, id, `race-${i}`, { 'if-match': `"${revision}"` })),
    );
    expectExactlyOne(answers, { winner: 200, losers: [412, 'REVISION_MISMATCH'] });
    expect((await history(id)).filter((e) => e.type === 'LeadTagged')).toHaveLength(1);
  });

  it('loses no command sent through both replicas at once: each lands once, revisions without a gap', async () => {
    const id = await capture('no-lost-update');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => tag(i % 2, id, `parallel-${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 200));
    const events = await history(id);
    expect(events.filter((e) => e.type === 'LeadTagged')).toHaveLength(12);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
  });

  it("decides on the other replica's write although its own cache has the stream from before it", async () => {
    const id = await capture('stale-cache');
    const assign = (replica: number, repId: string) => send(replica, 'POST', `/leads/${id}/assign`, { repId });
    // Replica 0 folds the stream and keeps it in its cache; replica 1 then closes the lead.
    // The worker registers the reps in the read models that assignment checks: wait for it.
    await eventually(async () => ((await assign(0, 'rep-first')).status === 200 ? true : undefined), 20_000);
    const closed = await send(1, 'POST', `/leads/${id}/disqualify`, { reasonCode: 'no_budget' });
    expect(closed.status).toBe(200);
    const late = await assign(0, 'rep-late');
    expect([late.status, late.code]).toEqual([409, 'LEAD_CLOSED']);
    expect((await history(id)).at(-1)?.type).toBe('LeadDisqualified');
  });
});
