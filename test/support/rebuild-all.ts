import type { TestApp } from './test-app.js';
import { eventually } from './test-app.js';

interface Subscriber {
  readonly name: string;
  readonly kind: 'projection' | 'process_manager';
  readonly lag: string;
  readonly state: string;
  readonly rebuild: unknown;
}

/** `GET /projections`, as an auditor. */
export async function subscribers(app: TestApp): Promise<Subscriber[]> {
  const listed = await app.request('GET', '/projections', { token: await app.token(['auditor'], 'rebuild-auditor') });
  expect(listed.status).toBe(200);
  return listed.body as Subscriber[];
}

/** Until nothing is behind, no rebuild is running and nothing new arrives: the engine has done all it will do. */
export async function quiet(app: TestApp, timeoutMs = 30_000): Promise<void> {
  let head = '';
  await eventually(async () => {
    const all = await subscribers(app);
    // A rebuild beside the live rows must have switched over, not only the live rows caught up.
    const caughtUp = all.every((s) => s.lag === '0' && s.state === 'live' && !s.rebuild);
    const now = JSON.stringify(all.map((s) => [s.name, s.lag]));
    const settled = caughtUp && now === head;
    head = now;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return settled ? true : undefined;
  }, timeoutMs);
}

/** Rebuilds every projection, then routing's own tables (which read the leads' sales-org projection). */
export async function rebuildEverything(app: TestApp, timeoutMs = 30_000): Promise<void> {
  const admin = await app.token(['admin'], 'root');
  const all = await subscribers(app);
  for (const projection of all.filter((s) => s.kind === 'projection')) {
    const rebuilt = await app.request('POST', `/projections/${projection.name}/rebuild`, { token: admin });
    expect(rebuilt.status).toBe(202);
  }
  await quiet(app, timeoutMs);
  const routing = await app.request('POST', '/projections/lead_routing/rebuild', { token: admin });
  expect(routing.status).toBe(202);
  const scoring = await app.request('POST', '/projections/lead_scoring/rebuild', { token: admin });
  expect(scoring.status).toBe(409);
  expect(scoring.body).toMatchObject({ code: 'NOT_A_PROJECTION' });
  await quiet(app, timeoutMs);
}
