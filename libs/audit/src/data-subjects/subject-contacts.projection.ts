import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { DATA_SUBJECT_ERASED, erasedSubjectOf, typesWithContactMethods } from '#ltc/personal-data';
import { upsertMany, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';

/**
 * Which data subject an email or phone number belongs to, by keyed hash only (the opened
 * events carry it for the fields declared as contact methods, ADR 0029): what
 * `GET /data-subjects?email=` answers from, without a plain contact in this table. An erased
 * subject's rows go with the erasure, as a rebuild leaves them (its values read `[erased]`,
 * which has no hash).
 */
export type SubjectContactRow = {
  tenant_id: string;
  contact_hash: string;
  subject_id: string;
};

type SubjectContactTables = { data_subject_contacts: SubjectContactRow };
const contactsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<SubjectContactTables>();

/**
 * Bump whenever a context declares contact methods on another event type: the projection
 * only receives the declared types, so the older events of a new one need a replay (the
 * spec pins the declared types to this version).
 */
export const SUBJECT_CONTACTS_VERSION = 2;

export function subjectContactsProjection(): Projection {
  return {
    name: 'data_subject_contacts',
    version: SUBJECT_CONTACTS_VERSION,
    filter: { eventTypes: [...typesWithContactMethods(), DATA_SUBJECT_ERASED] },
    async setup(db) {
      await db.schema
        .createTable('data_subject_contacts')
        .ifNotExists()
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('contact_hash', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('data_subject_contacts_pk', ['tenant_id', 'contact_hash', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('data_subject_contacts_subject')
        .ifNotExists()
        .on('data_subject_contacts')
        .columns(['tenant_id', 'subject_id'])
        .execute();
    },
    async reset(trx) {
      await sql`delete from data_subject_contacts`.execute(trx);
    },
    async apply(trx, event) {
      await applyBatch(trx, [event]);
    },
    applyBatch,
  };
}

async function applyBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  let rows: SubjectContactRow[] = [];
  for (const event of events) {
    const erased = erasedSubjectOf(event);
    if (erased !== undefined) {
      // Rows of this batch first, so an erasure also takes what was written just before it.
      await upsertContacts(trx, rows);
      rows = [];
      await contactsDb(trx)
        .deleteFrom('data_subject_contacts')
        .where('tenant_id', '=', event.metadata.tenantId)
        .where('subject_id', '=', erased)
        .execute();
      continue;
    }
    for (const ref of event.personalData ?? []) {
      if (ref.contact) {
        rows.push({ tenant_id: event.metadata.tenantId, contact_hash: ref.contact.hash, subject_id: ref.subject });
      }
    }
  }
  await upsertContacts(trx, rows);
}

function upsertContacts(trx: ReadModelTransaction, rows: readonly SubjectContactRow[]): Promise<void> {
  return upsertMany(
    trx,
    {
      table: 'data_subject_contacts',
      columns: ['tenant_id', 'contact_hash', 'subject_id'],
      key: ['tenant_id', 'contact_hash', 'subject_id'],
      update: [],
    },
    rows,
  );
}

/** The subjects of the tenant a contact method's keyed hash belongs to. */
export async function subjectsByContact(
  db: ReadModelDb,
  tenantId: string,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await contactsDb(db)
    .selectFrom('data_subject_contacts')
    .select('subject_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('contact_hash', 'in', hashes)
    .orderBy('subject_id')
    .execute();
  return rows.map((row) => row.subject_id);
}
