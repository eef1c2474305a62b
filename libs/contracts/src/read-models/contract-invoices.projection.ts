import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { parseContractEvent } from '../domain/contract-event.js';

/** One row per invoice: what cash aging and days sales outstanding read. Amounts in the invoice's currency. */
export type ContractInvoiceRow = {
  tenant_id: string;
  contract_id: string;
  invoice_id: string;
  /** Who collects the cash: the deal's AR, as the invoice names them. */
  ar_id: string;
  currency: string;
  amount_minor: number | string;
  credited_minor: number | string;
  paid_minor: number | string;
  /** Invoiced less credited less paid. */
  open_minor: number | string;
  /** `YYYY-MM-DD`. */
  issued_on: string;
  due_on: string;
  /** The instant it is overdue from. */
  due_at: string;
  /** The dunning flagged it overdue (an event); aging itself reads `due_at` against the clock. */
  flagged_overdue: number;
};

export type ContractInvoiceTables = { contract_invoices: ContractInvoiceRow };

export const contractInvoicesDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ContractInvoiceTables>();

export const contractInvoicesProjection: Projection = {
  name: 'contract_invoices',
  version: 1,
  filter: { streamPrefixes: ['contract-'] },
  async setup(db) {
    await db.schema
      .createTable('contract_invoices')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('contract_id', 'text', (c) => c.notNull())
      .addColumn('invoice_id', 'text', (c) => c.notNull())
      .addColumn('ar_id', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('credited_minor', 'bigint', (c) => c.notNull())
      .addColumn('paid_minor', 'bigint', (c) => c.notNull())
      .addColumn('open_minor', 'bigint', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('flagged_overdue', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('contract_invoices_pk', ['tenant_id', 'contract_id', 'invoice_id'])
      .execute();
    await db.schema
      .createIndex('contract_invoices_ar_idx')
      .ifNotExists()
      .on('contract_invoices')
      .columns(['tenant_id', 'ar_id'])
      .execute();
  },
  async reset(trx) {
    await sql`delete from contract_invoices`.execute(trx);
  },
  apply: applyInvoiceEvent,
};

async function applyInvoiceEvent(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const event = parseContractEvent(recorded);
  if (!event) return;
  const db = contractInvoicesDb(trx);
  const tenantId = recorded.metadata.tenantId;
  if (event.type === 'InvoiceIssued') {
    const d = event.data;
    await db
      .insertInto('contract_invoices')
      .values({
        tenant_id: tenantId,
        contract_id: d.contractId,
        invoice_id: d.invoiceId,
        ar_id: d.ar,
        currency: d.amount.currency,
        amount_minor: d.amount.amountMinor,
        credited_minor: 0,
        paid_minor: 0,
        open_minor: d.amount.amountMinor,
        issued_on: d.issuedOn,
        due_on: d.dueOn,
        due_at: d.dueAt,
        flagged_overdue: 0,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  if (event.type !== 'CreditNoteIssued' && event.type !== 'PaymentReceived' && event.type !== 'InvoiceOverdue') return;
  const where = db
    .updateTable('contract_invoices')
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', event.data.contractId)
    .where('invoice_id', '=', event.data.invoiceId);
  const amount = event.type === 'InvoiceOverdue' ? 0 : event.data.amount.amountMinor;
  switch (event.type) {
    case 'CreditNoteIssued':
      await where
        .set((eb) => ({ credited_minor: eb('credited_minor', '+', amount), open_minor: eb('open_minor', '-', amount) }))
        .execute();
      return;
    case 'PaymentReceived':
      await where
        .set((eb) => ({ paid_minor: eb('paid_minor', '+', amount), open_minor: eb('open_minor', '-', amount) }))
        .execute();
      return;
    case 'InvoiceOverdue':
      await where.set({ flagged_overdue: 1 }).execute();
      return;
  }
}
