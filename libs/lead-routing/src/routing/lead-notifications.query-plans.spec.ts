import { QueryPlanRecorder, fullScansIn } from '#ltc/testing';
import { SALES_MANAGERS, listNotifications, setupLeadNotifications } from './lead-notifications.js';

describe('Notification queries at scale (SQLite query plans)', () => {
  let recorder: QueryPlanRecorder;
  beforeAll(async () => {
    recorder = new QueryPlanRecorder();
    await setupLeadNotifications(recorder.db);
  });
  afterAll(() => recorder.close());

  it.each([
    ['GET /notifications', {}],
    ['GET /notifications?leadId=', { leadId: 'lead-001' }],
  ])('%s reads no whole table', async (_, filter) => {
    const queries = await recorder.plansOf(() =>
      listNotifications(recorder.db, 'acme', ['ana', SALES_MANAGERS], { limit: 50, offset: 0, ...filter }),
    );
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.flatMap((q) => fullScansIn(q, ['lead_notifications'], { filtered: true }))).toEqual([]);
  });
});
