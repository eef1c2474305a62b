import { sql } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import { QueryPlanRecorder, fullScansIn, type PlannedQuery } from '#ltc/testing';
import { leadScopeOf } from '../domain/lead-visibility.js';
import type { RecordedEvent } from '#ltc/event-store';
import { leadListProjection } from './lead-list.projection.js';
import { createLeadListTable, type LeadListRow } from './lead-list.table.js';
import { saveLeadRows } from './lead-list.writes.js';
import { encodeCursor } from './lead-page.cursor.js';
import { findLeadRow, listLeads, nextPooledLead, type LeadListFilter } from './lead.queries.js';
import { leadRow } from './test/lead-rows.js';

/** Tables whose size follows the number of leads; the per-status counts do not. */
const GROWING = ['lead_list', 'lead_list_tags', 'lead_list_fts'];

const REP = leadScopeOf({ userId: 'ana', roles: ['ar'], teamMembers: ['ana', 'bjorn'] });
const MANAGER = leadScopeOf({ userId: 'maja', roles: ['sales_manager'], teamMembers: ['ana', 'bjorn'] });
const PAGE = { limit: 50, offset: 0 } as const;
const last = leadRow('acme', 7, { status: 'pooled', tier: 'B', score: 40 });

/** Every lead-list query an API route runs (query-leads.controller.ts), by what the route is asked. */
const LIST_QUERIES: Record<string, LeadListFilter> = {
  'GET /leads': PAGE,
  'GET /leads?order=oldest': { ...PAGE, order: 'oldest' },
  'GET /leads?order=priority': { ...PAGE, order: 'priority' },
  'GET /leads?status=assigned,working': { ...PAGE, status: ['assigned', 'working'] },
  'GET /leads?owner=': { ...PAGE, ownerId: 'ana' },
  'GET /leads?source=': { ...PAGE, source: 'website' },
  'GET /leads?source=&status=': { ...PAGE, source: 'website', status: ['new'] },
  'GET /leads?region=': { ...PAGE, region: 'emea' },
  'GET /leads?team=': { ...PAGE, team: 'emea-north' },
  'GET /leads?tier=': { ...PAGE, tier: 'A' },
  'GET /leads?sla=': { ...PAGE, slaState: 'breached' },
  'GET /leads?tag=category:tag': { ...PAGE, tag: 'cognitive_mode:price-first' },
  'GET /leads?tag=tag': { ...PAGE, tag: 'price-first' },
  'GET /leads?q=': { ...PAGE, q: 'kestrel gmbh' },
  'GET /leads?q=&status=': { ...PAGE, q: 'kestrel', status: ['new'] },
  'GET /leads?cursor=': { ...PAGE, cursor: encodeCursor('newest', last) },
  'GET /leads?order=oldest&cursor=': { ...PAGE, order: 'oldest', cursor: encodeCursor('oldest', last) },
  'GET /leads?cursor=&count=exact&status=': {
    ...PAGE,
    status: ['new'],
    count: 'exact',
    cursor: encodeCursor('newest', last),
  },
  'GET /leads as a rep': { ...PAGE, scope: REP },
  'GET /leads as a manager': { ...PAGE, scope: MANAGER },
  'GET /leads/pool as a manager': { ...PAGE, status: ['pooled', 'recycled'], order: 'priority' },
  'GET /leads/pool as a rep': { ...PAGE, scope: REP, status: ['pooled', 'recycled'], order: 'priority' },
  'GET /leads/pool?cursor=': {
    ...PAGE,
    status: ['pooled', 'recycled'],
    order: 'priority',
    cursor: encodeCursor('priority', last),
  },
  'GET /reps/{id}/leads': {
    ...PAGE,
    scope: MANAGER,
    ownerId: 'bjorn',
    status: ['assigned', 'working', 'qualified', 'nurturing', 'offered'],
    order: 'priority',
  },
};

/** A filter that is only a page (no condition beyond the tenant) may walk the tenant's leads in page order. */
const filtersRows = (filter: LeadListFilter): boolean =>
  Object.keys(filter).some((key) => !['limit', 'offset', 'order', 'cursor', 'count'].includes(key));

describe('Lead list queries at scale (SQLite query plans)', () => {
  let recorder: QueryPlanRecorder;
  let db: ReadModelDb;

  beforeAll(async () => {
    recorder = new QueryPlanRecorder();
    db = recorder.db;
    await createLeadListTable(db);
    const rows: LeadListRow[] = Array.from({ length: 40 }, (_, n) => leadRow('acme', n));
    await db.transaction().execute((trx) =>
      saveLeadRows(
        trx,
        rows.map((after) => ({ before: undefined, after })),
      ),
    );
  });
  afterAll(() => recorder.close());

  const expectNoFullScan = (queries: readonly PlannedQuery[], filtered: boolean): void => {
    expect(queries.length).toBeGreaterThan(0);
    const scans = queries.flatMap((q) => fullScansIn(q, GROWING, { filtered }).map((step) => ({ step, q })));
    expect(scans.map(({ step, q }) => `${step}\n  in ${q.sql}`)).toEqual([]);
  };

  it.each(Object.entries(LIST_QUERIES))('%s reads no whole table', async (_, filter) => {
    expectNoFullScan(await recorder.plansOf(() => listLeads(db, 'acme', filter)), filtersRows(filter));
  });

  it('GET /leads/{id} reads one row by its key', async () => {
    expectNoFullScan(await recorder.plansOf(() => findLeadRow(db, 'acme', 'lead-003')), true);
  });

  it('POST /leads/pool/claim-next finds the next blind-pull lead without a scan', async () => {
    expectNoFullScan(await recorder.plansOf(() => nextPooledLead(db, 'acme', ['blind_pull'], ['lead-001'])), true);
  });

  it('a projection batch loads the leads it touches by key, not by a scan per batch', async () => {
    const event = (n: number): RecordedEvent => ({
      id: `e${n}`,
      stream: `lead-lead-00${n}`,
      revision: 1n,
      position: BigInt(100 + n),
      type: 'LeadTagged',
      data: { leadId: `lead-00${n}`, category: 'urgency', tag: 'this-week', at: '2026-01-02T00:00:00.000Z' },
      metadata: {
        actor: { userId: 'ana', role: 'ar' },
        correlationId: 'c',
        causationId: 'c',
        commandId: `k${n}`,
        tenantId: 'acme',
        schemaVersion: 1,
      },
      recordedAt: new Date('2026-01-02T00:00:00.000Z'),
    });
    const applyBatch = leadListProjection.applyBatch;
    if (!applyBatch) throw new Error('lead_list folds batches');
    const queries = await recorder.plansOf(() =>
      db.transaction().execute((trx) => applyBatch(trx, [event(1), event(2)])),
    );
    expectNoFullScan(queries, true);
  });

  it('notices a missing index: without the source index, the source filter walks the whole tenant', async () => {
    await sql`drop index lead_list_source_newest`.execute(db);
    try {
      const queries = await recorder.plansOf(() => listLeads(db, 'acme', { ...PAGE, source: 'website' }));
      expect(queries.flatMap((q) => fullScansIn(q, GROWING, { filtered: true }))).not.toEqual([]);
    } finally {
      await sql`create index lead_list_source_newest on lead_list (tenant_id, source, captured_at, lead_id)`.execute(
        db,
      );
    }
  });
});
