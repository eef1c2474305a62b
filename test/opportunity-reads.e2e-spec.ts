import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The read side of opportunities over HTTP on the embedded store: the list (scoped to the
 * triangle), the detail with its timeline and ETag, the pipeline board and the forecast.
 */
describe('Opportunity reads over HTTP', () => {
  let app: TestApp;
  let manager: string;
  let ingrid: string;
  let sven: string;
  let outsider: string;
  let id: string;

  const post = (token: string, path: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (token: string, path: string) => app.request('GET', path, { token });

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token(['sales_manager'], 'maria');
    ingrid = await app.token(['ar'], 'ingrid');
    sven = await app.token(['sr'], 'sven');
    outsider = await app.token(['ar'], 'olle');
    expect((await post(manager, '/teams', { id: 'emea-north', name: 'EMEA North', managerId: 'maria' })).status).toBe(
      201,
    );
    for (const [rep, roles] of [
      ['ingrid', ['ar']],
      ['sven', ['sr']],
      ['olle', ['ar']],
    ] as const) {
      const body = { id: rep, name: rep, email: `${rep}@nordfrakt.example`, roles, team: 'emea-north' };
      expect((await post(manager, '/reps', { ...body })).status).toBe(201);
    }
    const opened = await post(ingrid, '/opportunities', {
      name: 'Fleet telematics expansion',
      account: 'Nordfrakt AB',
      amount: { amountMinor: 4_000_001, currency: 'EUR' },
      closeDate: '2026-06-30',
    });
    expect(opened.status).toBe(201);
    id = opened.body.id as string;
    const triangle = { ar: 'ingrid', sr: 'sven', sponsor: 'maria' };
    expect((await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: triangle })).status).toBe(
      200,
    );
    expect((await post(ingrid, `/opportunities/${id}/stage`, { stage: 'bid', reason: 'Solution agreed' })).status).toBe(
      200,
    );
  });
  afterAll(async () => app.destroy());

  it('lists a deal to its triangle and managers, never to others', async () => {
    const listed = await eventually(async () => {
      const page = await get(sven, '/opportunities?status=open&q=fleet');
      return page.body.items?.length === 1 ? page : undefined;
    });
    expect(listed.body.items[0]).toMatchObject({
      id,
      stage: 'bid',
      owner: 'ingrid',
      triangle: { ar: 'ingrid', sr: 'sven', fr: null, sponsor: 'maria' },
      amount: { amountMinor: 4_000_001, currency: 'EUR' },
      forecastCategory: 'best_case',
    });
    expect((await get(manager, '/opportunities')).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await get(outsider, '/opportunities')).body.items).toEqual([]);
    const bad = await get(manager, '/opportunities?status=maybe&closeFrom=June');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['closeFrom', 'status']);
  });

  it('shows the detail with who did what from which seat and why, its ETag the stream revision', async () => {
    const detail = await get(ingrid, `/opportunities/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"2"');
    expect(detail.body).toMatchObject({ id, stage: 'bid', leader: 'ingrid', revision: 2 });
    expect(
      detail.body.timeline.map((e: { type: string; actor: string; seat: string; reason: string | null }) => [
        e.type,
        e.actor,
        e.seat,
        e.reason,
      ]),
    ).toEqual([
      ['OpportunityOpened', 'ingrid', 'ar', null],
      ['TriangleFormed', 'ingrid', 'ar', null],
      ['OpportunityStageChanged', 'ingrid', 'ar', 'Solution agreed'],
    ]);
    expect(detail.body.timeline[2].change).toMatchObject({ stageId: 'bid', previousStageId: 'qualify' });
    const unseen = await get(outsider, `/opportunities/${id}`);
    const unknown = await get(manager, '/opportunities/00000000-0000-4000-8000-000000000000');
    expect([unseen.status, unseen.body.code]).toEqual([404, 'OPPORTUNITY_NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'OPPORTUNITY_NOT_FOUND']);
  });

  it('sums the board per stage and the forecast per month and category', async () => {
    const board = await eventually(async () => {
      const read = await get(manager, '/pipeline-board?pipeline=default&owner=ingrid');
      return read.body.stages?.[2]?.count === 1 ? read : undefined;
    });
    expect(board.status).toBe(200);
    expect(board.body.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'qualify',
      'develop_solution',
      'bid',
      'negotiate',
      'won',
      'lost',
    ]);
    // 4 000 001 × 50 % = 2 000 000.5, rounded half up.
    expect(board.body.stages[2]).toMatchObject({
      count: 1,
      totals: [{ currency: 'EUR', count: 1, amountMinor: 4_000_001, weightedMinor: 2_000_001 }],
    });
    const others = await get(outsider, '/pipeline-board');
    expect(others.body.stages.every((s: { count: number }) => s.count === 0)).toBe(true);
    expect((await get(manager, '/pipeline-board?pipeline=renewals')).status).toBe(404);

    const since = '2000-01-01T00:00:00.000Z';
    const forecast = await eventually(async () => {
      const read = await get(ingrid, `/forecast?from=2026-06&to=2026-06&since=${since}`);
      return read.body.buckets?.[0]?.category === 'best_case' ? read : undefined;
    });
    expect(forecast.status).toBe(200);
    expect(forecast.body.buckets).toEqual([
      {
        month: '2026-06',
        category: 'best_case',
        count: 1,
        totals: [{ currency: 'EUR', count: 1, amountMinor: 4_000_001, weightedMinor: 2_000_001 }],
      },
    ]);
    expect(forecast.body.movement.deals).toMatchObject([{ opportunityId: id, moves: ['opened'], before: null }]);
    expect((await get(ingrid, '/forecast?from=2026-13')).status).toBe(400);
  });
});
