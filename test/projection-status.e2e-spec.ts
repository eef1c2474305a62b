import { startTestApp, eventually, type TestApp } from './support/test-app.js';

interface ProjectionView {
  name: string;
  position: string | null;
  headPosition: string;
  lag: string;
}

describe('GET /projections on an API-only process', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await apps[0]?.destroy();
  });

  it('reports the same exact lag as the process that runs the projections, filtered ones included', async () => {
    // The API-only process first: it only creates tables, so it never waits on the worker's write lock.
    const api = await startTestApp({ role: 'api' });
    apps.push(api);
    const worker = await startTestApp({ dataDir: api.dataDir });
    apps.push(worker);
    const token = await api.token(['sales_manager']);
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) {
      const created = await api.request('POST', '/leads', {
        token,
        body: { name: `Cold store ${n}`, email: `buyer-${n}@frost.example`, source: 'website' },
      });
      statuses.push(created.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201]);

    // Caught up on the worker: every projection at lag 0, though the org projections saw no event.
    // An idle filtered projection later moves its checkpoint over events it did not want, so
    // the two answers are compared at a moment the worker's own answer held still around.
    const lagsOf = (views: ProjectionView[]): [string, string | null, string][] =>
      views.map((view) => [view.name, view.position, view.lag]);
    const statusOf = async (app: TestApp): Promise<ProjectionView[]> =>
      (await app.request('GET', '/projections', { token })).body as ProjectionView[];
    // The comparison must catch a filtered projection behind the head, or it proves nothing about
    // them: on a busy machine every idle one may have passed over already, so then another lead
    // (an event the org projections do not want) opens the window again.
    const behindTheHead = (views: ProjectionView[]) =>
      views.some((view) => view.lag === '0' && view.position !== view.headPosition);
    let extra = 0;
    const settled = await eventually(async () => {
      const before = await statusOf(worker);
      if (!before.every((view) => view.lag === '0')) return undefined;
      if (!behindTheHead(before)) {
        const again = await api.request('POST', '/leads', {
          token,
          body: { name: `Cold store extra ${extra}`, email: `extra-${extra++}@frost.example`, source: 'website' },
        });
        expect(again.status).toBe(201);
        return undefined;
      }
      const fromApi = await statusOf(api);
      const after = await statusOf(worker);
      const same = JSON.stringify(lagsOf(before)) === JSON.stringify(lagsOf(after));
      return same ? { fromApi, fromWorker: after } : undefined;
    }, 40_000);
    const { fromApi, fromWorker } = settled;
    expect(lagsOf(fromApi)).toEqual(lagsOf(fromWorker));
    // Not vacuous: some filtered projection stands behind the head with nothing left to do.
    expect(behindTheHead(fromApi)).toBe(true);
  }, 90_000);
});
