import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { parseTicketEvent } from '../domain/ticket-event.js';

/** One row per product requirement raised from a ticket, for the product-development flow. */
export type ServiceProductRequirementRow = {
  tenant_id: string;
  requirement_id: string;
  ticket_id: string;
  title: string;
  description: string;
  product: string | null;
  customer_account: string;
  raised_by: string;
  raised_at: string;
};

export type ServiceProductRequirementTables = { service_product_requirements: ServiceProductRequirementRow };

export const serviceProductRequirementsDb = (db: ReadModelDb | ReadModelTransaction) =>
  db.withTables<ServiceProductRequirementTables>();

export const serviceProductRequirementsProjection: Projection = {
  name: 'service_product_requirements',
  version: 1,
  filter: { streamPrefixes: ['ticket-'] },
  async setup(db) {
    await db.schema
      .createTable('service_product_requirements')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('product', 'text')
      .addColumn('customer_account', 'text', (c) => c.notNull())
      .addColumn('raised_by', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('service_product_requirements_pk', ['tenant_id', 'requirement_id'])
      .execute();
    await db.schema
      .createIndex('service_product_requirements_raised_idx')
      .ifNotExists()
      .on('service_product_requirements')
      .columns(['tenant_id', 'raised_at', 'requirement_id'])
      .execute();
  },
  async reset(trx) {
    await sql`delete from service_product_requirements`.execute(trx);
  },
  apply: applyRequirementEvent,
};

async function applyRequirementEvent(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const event = parseTicketEvent(recorded);
  if (event?.type !== 'ProductRequirementRaised') return;
  const d = event.data;
  await serviceProductRequirementsDb(trx)
    .insertInto('service_product_requirements')
    .values({
      tenant_id: recorded.metadata.tenantId,
      requirement_id: d.requirementId,
      ticket_id: d.ticketId,
      title: d.title,
      description: d.description,
      product: d.product,
      customer_account: d.customerAccount,
      raised_by: d.by,
      raised_at: d.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
