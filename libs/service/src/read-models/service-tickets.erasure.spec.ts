import { InMemoryEventStore } from '#ltc/event-store';
import {
  ERASED,
  PersonalData,
  PersonalDataEventStore,
  SqliteKeyStore,
  dataSubjectStream,
  declarePersonalFields,
  type DataSubjectErased,
} from '#ltc/personal-data';
import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import { ticketContactSubject, ticketPersonalFields } from '../ticket-personal-data.js';
import { serviceTicketsProjection } from './service-tickets.projection.js';
import { serviceTicketsDb } from './service-tickets.table.js';
import { seedTickets } from './test/seed.js';
import { metadata, postgresDb, runnerFor, sqliteDb, TicketHistory, type TestDb } from './test/ticket-history.js';

declarePersonalFields(ticketPersonalFields);

const ticketRows = (db: ReadModelDb) =>
  serviceTicketsDb(db).selectFrom('service_tickets').selectAll().orderBy('tenant_id').orderBy('ticket_id').execute();

/** Erases a ticket's contact as `POST /data-subjects/{id}/erase` does: the key first, then the event. */
async function eraseContact(personal: PersonalData, history: TicketHistory, ticketId: string): Promise<void> {
  const subjectId = ticketContactSubject(ticketId);
  await personal.erase(subjectId, new Date());
  const erased: DataSubjectErased = {
    type: 'DataSubjectErased',
    data: { subjectId, reason: 'Art. 17 request', erasedBy: 'privacy-officer', at: new Date().toISOString() },
  };
  const result = await history.store.appendToStream(dataSubjectStream(subjectId), [
    {
      ...erased,
      metadata: metadata('acme', 'privacy-officer'),
    },
  ]);
  history.head = result.position;
}

function describeErasure(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let personal: PersonalData;
  let history: TicketHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    personal = new PersonalData(new SqliteKeyStore(':memory:'));
    history = new TicketHistory(new PersonalDataEventStore(new InMemoryEventStore(), personal));
    await seedTickets(history);
    runner = runnerFor(history, testDb.handle, [serviceTicketsProjection]);
    await runner.start();
    await runner.waitFor(serviceTicketsProjection.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await personal.close();
    await testDb.dispose();
  });

  it("blanks the erased contact's subject and search text on that ticket only, as a rebuild does", async () => {
    const before = await ticketRows(testDb.handle.db);
    await eraseContact(personal, history, 't1');
    await runner.waitFor(serviceTicketsProjection.name, history.head);
    const after = await ticketRows(testDb.handle.db);

    const t1 = before.find((row) => row.ticket_id === 't1');
    expect(after.find((row) => row.ticket_id === 't1')).toEqual({
      ...t1,
      subject: ERASED,
      search_text: `${ERASED} nordic freight ab`,
    });
    // Every other ticket, globex's too, is untouched.
    expect(after.filter((row) => row.ticket_id !== 't1')).toEqual(before.filter((row) => row.ticket_id !== 't1'));

    await runner.rebuild(serviceTicketsProjection.name);
    await runner.waitFor(serviceTicketsProjection.name, history.head);
    expect(await ticketRows(testDb.handle.db)).toEqual(after);
  });
}

describe('Erasing a ticket contact on SQLite', () => {
  describeErasure(() => sqliteDb('service_erasure'));
});

await describeWithPostgres('Erasing a ticket contact on PostgreSQL', (url) => {
  describeErasure(() => postgresDb(url, 'service_erasure'));
});
