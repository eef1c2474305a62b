import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '#ltc/kernel';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import { createLeadListTable, type LeadListRow } from './lead-list.table.js';
import { saveLeadRows, type LeadRowChange } from './lead-list.writes.js';
import type { LeadOrder } from './lead-page.cursor.js';
import { COUNT_CAP, listLeads, type LeadListFilter } from './lead.queries.js';
import { leadRow } from './test/lead-rows.js';

const TIERS = [null, 'A', 'B', 'C'];

/** 30 leads with ties in every sort key (same second, same tier and score) so paging must break them. */
function rows(): LeadListRow[] {
  return Array.from({ length: 30 }, (_, n) =>
    leadRow('acme', Math.floor(n / 3), {
      lead_id: `lead-${String(n).padStart(2, '0')}`,
      status: n % 2 ? 'pooled' : 'new',
      tier: TIERS[n % 4] ?? null,
      score: n % 5 === 0 ? null : (n % 3) * 10,
      search_text: n === 4 ? 'anna müller kestrel gmbh anna@kestrel.io +49 30 1234' : `lead ${n} nordwind ag`,
      tags: n % 3 === 0 ? '["cognitive_mode:price-first"]' : '[]',
    }),
  );
}

function suite(open: () => Promise<{ handle: ReadModelHandle; dispose(): Promise<void> }>): void {
  let handle: ReadModelHandle;
  let dispose: () => Promise<void>;
  const all = rows();
  const ids = async (filter: Partial<LeadListFilter>): Promise<string[]> =>
    (await listLeads(handle.db, 'acme', { limit: 100, offset: 0, ...filter })).items.map((lead) => lead.id);
  const save = (changes: LeadRowChange[]) => handle.db.transaction().execute((trx) => saveLeadRows(trx, changes));

  beforeAll(async () => {
    ({ handle, dispose } = await open());
    await createLeadListTable(handle.db);
    await save(all.map((after) => ({ before: undefined, after })));
    await save([{ before: undefined, after: leadRow('globex', 1, { search_text: 'kestrel' }) }]);
  });
  afterAll(() => dispose());

  it.each(['newest', 'oldest', 'priority'] as LeadOrder[])(
    'walks every lead once by cursor, in the order of offset pages (order=%s)',
    async (order) => {
      const expected = await ids({ order });
      expect(expected).toHaveLength(30);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await listLeads(handle.db, 'acme', {
          order,
          limit: 7,
          offset: 0,
          ...(cursor ? { cursor } : {}),
        });
        walked.push(...result.items.map((lead) => lead.id));
        expect(result.total === undefined).toBe(cursor !== undefined);
        if (result.nextCursor === null) break;
        cursor = result.nextCursor;
      }
      expect(walked).toEqual(expected);
    },
  );

  it('counts cursor pages only when asked, and then exactly', async () => {
    const first = await listLeads(handle.db, 'acme', { limit: 5, offset: 0, status: ['pooled'] });
    expect(first.total).toBe(15);
    const next = { limit: 5, offset: 0, status: ['pooled'], cursor: first.nextCursor ?? '' };
    expect((await listLeads(handle.db, 'acme', next)).total).toBeUndefined();
    expect((await listLeads(handle.db, 'acme', { ...next, count: 'exact' })).total).toBe(15);
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['made for another order', Buffer.from('{"o":"oldest","k":["x","y"]}').toString('base64url')],
    ['with keys of the wrong type', Buffer.from('{"o":"newest","k":[1,"y"]}').toString('base64url')],
  ])('refuses a cursor %s, naming the field', async (_, cursor) => {
    const error = await listLeads(handle.db, 'acme', { limit: 5, offset: 0, cursor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'cursor', rule: 'isLeadCursor' });
  });

  it('refuses a cursor with an offset', async () => {
    const { nextCursor } = await listLeads(handle.db, 'acme', { limit: 5, offset: 0 });
    await expect(listLeads(handle.db, 'acme', { limit: 5, offset: 5, cursor: nextCursor ?? '' })).rejects.toMatchObject(
      { field: 'cursor', rule: 'conflictsWithOffset' },
    );
  });

  it.each([
    ['a word of the email', 'kestrel', ['lead-04']],
    ['the start of a word', 'müll', ['lead-04']],
    ['every word, in any order', 'gmbh anna', ['lead-04']],
    ['a part of a phone number', '1234', ['lead-04']],
    ['in upper case', 'KESTREL', ['lead-04']],
    ['nothing when one word is missing', 'kestrel nordwind', []],
    ['nothing for punctuation alone', '@@', []],
  ])('finds leads by text: %s', async (_, q, expected) => {
    expect(await ids({ q })).toEqual(expected);
    expect((await listLeads(handle.db, 'acme', { limit: 5, offset: 0, q })).total).toBe(expected.length);
  });

  it('filters by tag, with or without its category, and follows untagging', async () => {
    const tagged = all.filter((row) => row.tags !== '[]').map((row) => row.lead_id);
    expect((await ids({ tag: 'cognitive_mode:price-first', order: 'oldest' })).sort()).toEqual(tagged.sort());
    expect((await ids({ tag: 'price-first' })).sort()).toEqual(tagged.sort());
    expect(await ids({ tag: 'urgency:price-first' })).toEqual([]);
    const before = all[0];
    if (!before) throw new Error('fixture missing');
    await save([{ before, after: { ...before, tags: '[]' } }]);
    expect(await ids({ tag: 'price-first' })).not.toContain(before.lead_id);
    await save([{ before: { ...before, tags: '[]' }, after: before }]);
  });

  it('counts a filter up to the cap and says "at least" beyond it, unless asked for the exact total', async () => {
    const many = Array.from({ length: COUNT_CAP + 1 }, (_, n) =>
      leadRow('initech', n % 50, { lead_id: `web-${n}`, source: 'website' }),
    );
    const few = Array.from({ length: 10 }, (_, n) => leadRow('initech', n, { lead_id: `event-${n}`, source: 'event' }));
    await save([...many, ...few].map((after) => ({ before: undefined, after })));
    const page = (filter: Partial<LeadListFilter>) =>
      listLeads(handle.db, 'initech', { limit: 5, offset: 0, ...filter });

    const capped = await page({ source: 'website' });
    expect(capped).toMatchObject({ totalAtLeast: COUNT_CAP + 1 });
    expect(capped.total).toBeUndefined();
    expect(capped.items).toHaveLength(5);
    expect(await page({ source: 'website', count: 'exact' })).toMatchObject({ total: COUNT_CAP + 1 });
    expect((await page({ source: 'website', count: 'exact' })).totalAtLeast).toBeUndefined();
    expect(await page({ source: 'event' })).toMatchObject({ total: 10 });
    // Statuses alone read the maintained counts: exact at any size.
    expect(await page({})).toMatchObject({ total: COUNT_CAP + 11 });
    // A deep page knows at least as many as it has passed; past the end, what was counted.
    expect(await page({ source: 'website', offset: COUNT_CAP })).toMatchObject({ totalAtLeast: COUNT_CAP + 1 });
    expect(await page({ source: 'website', offset: 20_000 })).toMatchObject({ items: [], totalAtLeast: COUNT_CAP + 1 });
  }, 60_000);

  it('keeps the maintained totals equal to a count of the rows as statuses change', async () => {
    const lead = all[1];
    if (!lead) throw new Error('fixture missing');
    await save([{ before: lead, after: { ...lead, status: 'assigned', owner_id: 'ana' } }]);
    const byStatus = async (status: string[]) =>
      (await listLeads(handle.db, 'acme', { limit: 1, offset: 0, status })).total;
    expect(await byStatus(['pooled'])).toBe(14);
    expect(await byStatus(['assigned'])).toBe(1);
    expect((await listLeads(handle.db, 'acme', { limit: 1, offset: 0 })).total).toBe(30);
    expect((await listLeads(handle.db, 'globex', { limit: 1, offset: 0 })).total).toBe(1);
    await save([{ before: { ...lead, status: 'assigned', owner_id: 'ana' }, after: lead }]);
    expect(await byStatus(['assigned'])).toBe(0);
  });
}

describe('Lead list pages, search, tags and totals (SQLite)', () => {
  suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-lead-pages-'));
    const handle = await openReadModelDb({ sqliteFilename: join(dir, 'rm.sqlite') });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

await describeWithPostgres('Lead list pages, search, tags and totals (PostgreSQL)', (url) => {
  suite(async () => {
    const schema = await createTestSchema(url, 'lead_pages');
    const handle = await openReadModelDb({ url, schema: schema.name, sqliteFilename: 'unused.db' });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        await schema.drop();
      },
    };
  });
});
