import { startTestApp, eventually, type TestApp } from './support/test-app.js';

let phone = 2000;
const lead = (name: string) => ({ name, company: 'Kestrel AB', phone: `+46 8 555 ${phone++}`, source: 'website' });

interface Page {
  items: { id: string; name: string }[];
  total?: number;
  nextCursor: string | null;
}

describe('Lead list pages over HTTP', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token(['admin']);
    for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Ed']) {
      expect((await app.request('POST', '/leads', { token, body: lead(name) })).status).toBe(201);
    }
    await eventually(async () => {
      const page = await app.request('GET', '/leads?limit=1', { token });
      return page.body.total === 5 ? true : undefined;
    });
  });
  afterAll(async () => app.destroy());

  it('follows nextCursor through every lead once, in the order of offset pages', async () => {
    const offsets = (await app.request('GET', '/leads?limit=5', { token })).body as Page;
    const walked: string[] = [];
    let path = '/leads?limit=2';
    for (let i = 0; i < 5; i++) {
      const page = (await app.request('GET', path, { token })).body as Page;
      walked.push(...page.items.map((item) => item.id));
      if (page.nextCursor === null) break;
      path = `/leads?limit=2&cursor=${page.nextCursor}`;
    }
    expect(walked).toEqual(offsets.items.map((item) => item.id));
    expect(offsets).toMatchObject({ total: 5, nextCursor: null });
  });

  it('counts a cursor page only with count=exact', async () => {
    const first = (await app.request('GET', '/leads?limit=2', { token })).body as Page;
    const next = `/leads?limit=2&cursor=${first.nextCursor ?? ''}`;
    expect(((await app.request('GET', next, { token })).body as Page).total).toBeUndefined();
    expect(((await app.request('GET', `${next}&count=exact`, { token })).body as Page).total).toBe(5);
  });

  it.each([
    ['a cursor this list did not make', '/leads?cursor=bm9wZQ', 'cursor:isLeadCursor'],
    ['a cursor of another order', '/leads?order=oldest&cursor=', 'cursor:isLeadCursor'],
    ['a cursor with an offset', '/leads?offset=2&cursor=', 'cursor:conflictsWithOffset'],
    ['characters no cursor has', '/leads?cursor=%24%24', 'cursor:matches'],
    ['an unknown count', '/leads?count=estimate', 'count:isIn'],
  ])('answers %s with 400 naming the field', async (_, path, expected) => {
    const first = (await app.request('GET', '/leads?limit=2', { token })).body as Page;
    const response = await app.request('GET', path.endsWith('cursor=') ? `${path}${first.nextCursor ?? ''}` : path, {
      token,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual([expected]);
  });

  it('finds a lead by a word of its name or company, as a prefix', async () => {
    const byName = (await app.request('GET', '/leads?q=ad', { token })).body as Page;
    expect(byName.items.map((item) => item.name)).toEqual(['Ada']);
    expect(((await app.request('GET', '/leads?q=kestr', { token })).body as Page).total).toBe(5);
  });
});
