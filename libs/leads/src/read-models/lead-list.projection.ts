import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
import type { LeadEvent } from '../domain/lead.events.js';

/** Row shape of the `lead_list` table. */
export type LeadListRow = {
  tenant_id: string;
  lead_id: string;
  status: string;
  name: string;
  company: string | null;
  contact_person: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  region: string | null;
  complete: number;
  captured_at: string;
  revision: string;
  /** Lower-cased name, company, person and email, for the text filter. */
  search_text: string;
};

export type LeadListTables = {
  lead_list: LeadListRow;
};

export const leadListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadListTables>();

/** The lead list and lead detail read model (`GET /leads`, `GET /leads/{id}`). */
export const leadListProjection: Projection = {
  name: 'lead_list',
  version: 1,
  filter: { streamPrefixes: ['lead-'] },

  async setup(db) {
    await db.schema
      .createTable('lead_list')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company', 'text')
      .addColumn('contact_person', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('complete', 'integer', (c) => c.notNull())
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_list_pk', ['tenant_id', 'lead_id'])
      .execute();
    await db.schema
      .createIndex('lead_list_by_capture')
      .ifNotExists()
      .on('lead_list')
      .columns(['tenant_id', 'captured_at'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from lead_list`.execute(trx);
  },

  async apply(trx, recorded) {
    const event = recorded as RecordedEvent<LeadEvent['type'], LeadEvent['data']>;
    switch (event.type) {
      case 'LeadCaptured': {
        const d = event.data;
        await upsertRow(
          trx,
          'lead_list',
          {
            tenant_id: recorded.metadata.tenantId,
            lead_id: d.leadId,
            status: 'new',
            name: d.name,
            company: d.company,
            contact_person: d.contact.person,
            email: d.contact.email,
            phone: d.contact.phone,
            source: d.source,
            region: d.region,
            complete: d.complete ? 1 : 0,
            captured_at: d.capturedAt,
            revision: recorded.revision.toString(),
            search_text: [d.name, d.company, d.contact.person, d.contact.email].filter(Boolean).join(' ').toLowerCase(),
          },
          ['tenant_id', 'lead_id'],
        );
        return;
      }
    }
  },
};
