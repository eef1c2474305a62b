import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import { isLeadVisible, leadScopeOf, type LeadScope } from '../domain/lead-visibility.js';
import { createLeadListTable, type LeadListRow } from './lead-list.table.js';
import { saveLeadRows } from './lead-list.writes.js';
import { leadRow } from './test/lead-rows.js';
import { findLeadRow, listLeads, visibilityFactsOf } from './lead.queries.js';

const OWNERS = [null, 'ana', 'bjorn', 'carla'];
const STATUSES = ['new', 'pooled', 'recycled', 'offered', 'assigned', 'archived'];
const POOL_METHODS = [null, 'cherry_pick', 'shark_tank', 'blind_pull'];

/** One lead per combination of the facts visibility depends on (plus one in another tenant). */
function leadRows(): LeadListRow[] {
  const rows: LeadListRow[] = [];
  for (const owner of OWNERS)
    for (const offeredTo of [null, 'bjorn', 'carla'])
      for (const status of STATUSES)
        for (const poolMethod of POOL_METHODS)
          rows.push(row('acme', rows.length, owner, offeredTo, status, poolMethod));
  rows.push(row('globex', rows.length, 'ana', null, 'assigned', null));
  return rows;
}

function row(
  tenant: string,
  n: number,
  owner: string | null,
  offeredTo: string | null,
  status: string,
  poolMethod: string | null,
): LeadListRow {
  return leadRow(tenant, n, { owner_id: owner, offer_rep_id: offeredTo, status, pool_method: poolMethod });
}

const SCOPES: Record<string, LeadScope> = {
  'rep ana': leadScopeOf({ userId: 'ana', roles: ['ar'], teamMembers: ['ana', 'bjorn'] }),
  'rep carla (no team)': leadScopeOf({ userId: 'carla', roles: ['sr'], teamMembers: [] }),
  'manager maja of ana and bjorn': leadScopeOf({
    userId: 'maja',
    roles: ['sales_manager'],
    teamMembers: ['ana', 'bjorn'],
  }),
  admin: leadScopeOf({ userId: 'root', roles: ['admin'], teamMembers: [] }),
};

function suite(open: () => Promise<{ handle: ReadModelHandle; dispose(): Promise<void> }>): void {
  let handle: ReadModelHandle;
  let dispose: () => Promise<void>;
  const rows = leadRows();

  beforeAll(async () => {
    ({ handle, dispose } = await open());
    await createLeadListTable(handle.db);
    await handle.db.transaction().execute((trx) =>
      saveLeadRows(
        trx,
        rows.map((after) => ({ before: undefined, after })),
      ),
    );
  });
  afterAll(() => dispose());

  it.each(Object.entries(SCOPES))(
    'lists exactly the leads %s may see, with a total and pages to match',
    async (_, scope) => {
      const expected = rows
        .filter((r) => r.tenant_id === 'acme' && isLeadVisible(scope, visibilityFactsOf(r)))
        .map((r) => r.lead_id);
      const all = await listLeads(handle.db, 'acme', { scope, order: 'oldest', limit: 1000, offset: 0 });
      expect(all.items.map((lead) => lead.id)).toEqual(expected);
      expect(all.total).toBe(expected.length);
      const secondPage = await listLeads(handle.db, 'acme', { scope, order: 'oldest', limit: 5, offset: 5 });
      expect(secondPage.items.map((lead) => lead.id)).toEqual(expected.slice(5, 10));
      expect(secondPage.total).toBe(expected.length);
    },
  );

  it('a lead outside the scope is not found, one inside is', async () => {
    const scope = SCOPES['rep ana'];
    if (!scope) throw new Error('scope missing');
    const carlas = rows.find((r) => r.owner_id === 'carla' && r.status === 'assigned' && r.offer_rep_id === null);
    const anas = rows.find((r) => r.tenant_id === 'acme' && r.owner_id === 'ana' && r.status === 'assigned');
    if (!carlas || !anas) throw new Error('fixture missing');
    await expect(findLeadRow(handle.db, 'acme', carlas.lead_id, scope)).rejects.toMatchObject({
      code: 'LEAD_NOT_FOUND',
    });
    await expect(findLeadRow(handle.db, 'acme', anas.lead_id, scope)).resolves.toMatchObject({ lead_id: anas.lead_id });
  });
}

describe('Lead visibility in the lead list (SQLite)', () => {
  suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-visibility-'));
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

await describeWithPostgres('Lead visibility in the lead list (PostgreSQL)', (url) => {
  suite(async () => {
    const schema = await createTestSchema(url, 'visibility');
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
