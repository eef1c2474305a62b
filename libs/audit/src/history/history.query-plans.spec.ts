import type { ReadModelDb } from '#ltc/projections';
import { QueryPlanRecorder, fullScansIn } from '#ltc/testing';
import { createAuditTables } from '../trail/audit-trail.table.js';
import { actorActivityPage, dealExists, dealHistoryPage, entriesById } from './history.queries.js';

/** The audit trail grows with every event of the log; a deal's streams with the deals. */
const GROWING = ['audit_trail', 'audit_deal_streams', 'audit_stream_parents'];
const PAGE = { limit: 51 } as const;

/**
 * Every query the history routes run, planned by SQLite: none may read the tenant's whole trail.
 * (A deal's history sorts the deal's own entries, which the plan shows as a temporary B-tree.)
 */
describe('Audit trail query plans (SQLite)', () => {
  const recorder = new QueryPlanRecorder();
  const db = recorder.db as unknown as ReadModelDb;
  beforeAll(() => createAuditTables(db));
  afterAll(() => recorder.close());

  const queries: Record<string, () => Promise<unknown>> = {
    'GET /deals/{id}/history': () => dealHistoryPage(db, 'acme', 'deal-1', {}, PAGE),
    'GET /deals/{id}/history?cursor=': () =>
      dealHistoryPage(db, 'acme', 'deal-1', {}, { ...PAGE, after: '00000000000000000042' }),
    'GET /deals/{id}/history?kind=&actor=&from=': () =>
      dealHistoryPage(
        db,
        'acme',
        'deal-1',
        { kinds: ['contract'], actor: 'ana', from: '2026-03-01T00:00:00.000Z' },
        PAGE,
      ),
    'deal exists': () => dealExists(db, 'acme', 'deal-1'),
    'GET /audit/actors/{userId}': () => actorActivityPage(db, 'acme', 'ana', {}, PAGE),
    'causes of a page': () => entriesById(db, 'acme', ['e-1', 'e-2']),
  };

  for (const [route, run] of Object.entries(queries)) {
    it(`${route} reads no growing table whole`, async () => {
      const plans = await recorder.plansOf(run);
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect({ route, plan: plan.plan, scans: fullScansIn(plan, GROWING, { filtered: true }) }).toEqual({
          route,
          plan: plan.plan,
          scans: [],
        });
      }
    });
  }

  it('starts a deal’s history from the deal’s streams, not from the tenant’s trail', async () => {
    const [plan] = await recorder.plansOf(() => dealHistoryPage(db, 'acme', 'deal-1', {}, PAGE));
    expect(plan?.plan[0]).toMatch(/^SEARCH d USING (COVERING )?INDEX audit_deal_streams_deal/);
    expect(plan?.plan[1]).toMatch(/^SEARCH t USING INDEX audit_trail_stream \(stream=\?/);
  });
});
