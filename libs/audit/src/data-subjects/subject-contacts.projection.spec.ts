import type { PersonalValueRef, RecordedEvent } from '#ltc/event-store';
import { describeWithPostgres, postgresTestDb, sqliteTestDb, type TestDb } from '#ltc/testing';
import { subjectContactsProjection, subjectsByContact } from './subject-contacts.projection.js';

let position = 0n;
function event(type: string, tenantId: string, data: unknown, personalData?: PersonalValueRef[]): RecordedEvent {
  position += 1n;
  return {
    id: `e${position}`,
    stream: 'lead-x',
    revision: 0n,
    position,
    type,
    data,
    metadata: {
      actor: { userId: 'u', role: 'ar' },
      tenantId,
      correlationId: 'c',
      causationId: 'c',
      commandId: 'c',
      schemaVersion: 1,
    },
    recordedAt: new Date('2026-12-01T10:00:00Z'),
    ...(personalData ? { personalData } : {}),
  };
}

const reached = (subject: string, hash: string, kind: 'email' | 'phone' = 'email'): PersonalValueRef => ({
  path: kind === 'email' ? 'contact.email' : 'contact.phone',
  subject,
  contact: { kind, hash },
});
const erasure = (tenantId: string, subjectId: string): RecordedEvent =>
  event('DataSubjectErased', tenantId, { subjectId, reason: 'r', erasedBy: 'admin', at: '2026-12-01T10:00:00Z' });

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  const projection = subjectContactsProjection();
  const apply = (...events: RecordedEvent[]) =>
    db.handle.db.transaction().execute((trx) => projection.applyBatch!(trx, events));
  const find = (tenantId: string, ...hashes: string[]) => subjectsByContact(db.handle.db, tenantId, hashes);

  beforeEach(async () => {
    db = await open();
    await projection.setup(db.handle.db);
  });
  afterEach(() => db.dispose());

  it('finds a subject by the keyed hash of each of its contact methods, within its tenant only', async () => {
    await apply(
      event('LeadCaptured', 'acme', {}, [
        { path: 'contact.person', subject: 'lead-1' },
        reached('lead-1', 'h-mail'),
        reached('lead-1', 'h-phone', 'phone'),
      ]),
      event('LeadCaptured', 'acme', {}, [reached('lead-2', 'h-mail')]),
      event('LeadCaptured', 'globex', {}, [reached('lead-9', 'h-mail')]),
    );
    expect(await find('acme', 'h-mail')).toEqual(['lead-1', 'lead-2']);
    expect(await find('acme', 'h-phone', 'h-unknown')).toEqual(['lead-1']);
    expect(await find('globex', 'h-phone')).toEqual([]);
    expect(await find('acme')).toEqual([]);
  });

  it('takes the same event twice (a replayed batch) without a second row', async () => {
    const captured = event('LeadCaptured', 'acme', {}, [reached('lead-1', 'h-mail')]);
    await apply(captured, captured);
    await apply(captured);
    expect(await find('acme', 'h-mail')).toEqual(['lead-1']);
  });

  it("forgets an erased subject's contacts, also those written earlier in the same batch, and only that subject's", async () => {
    await apply(event('LeadCaptured', 'acme', {}, [reached('lead-1', 'h-old')]));
    await apply(
      event('LeadContactChanged', 'acme', {}, [reached('lead-1', 'h-new')]),
      event('LeadCaptured', 'acme', {}, [reached('lead-2', 'h-new')]),
      erasure('acme', 'lead-1'),
      erasure('globex', 'lead-2'),
    );
    expect(await find('acme', 'h-old', 'h-new')).toEqual(['lead-2']);
  });

  it('keeps nothing for an event whose contact could not be read (erased: no hash)', async () => {
    await apply(event('LeadCaptured', 'acme', {}, [{ path: 'contact.email', subject: 'lead-3' }]));
    expect(await find('acme', 'h-mail')).toEqual([]);
  });
}

describe('data-subject contact index on SQLite', () => suite(() => sqliteTestDb('subject-contacts')));
await describeWithPostgres('data-subject contact index on PostgreSQL', (url) =>
  suite(() => postgresTestDb(url, 'subject_contacts')),
);
