import type { CreditNoteIssued, InvoiceOverdue, InvoiceReminderDue, PaymentReceived } from '#ltc/contracts/events';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { putRow, triangleReadsDb, type OpportunityInvoiceOverdueRow } from './triangle-reads.tables.js';

const TABLE = 'opportunity_invoices_overdue';
const KEY = ['tenant_id', 'contract_id', 'invoice_id'] as const;

type Watched = InvoiceOverdue | InvoiceReminderDue | PaymentReceived | CreditNoteIssued;
const WATCHED: ReadonlySet<string> = new Set([
  'InvoiceOverdue',
  'InvoiceReminderDue',
  'PaymentReceived',
  'CreditNoteIssued',
]);

/**
 * The AR's overdue invoices (AR owns cash collection), from the contracts context's published
 * events (types only; this context never imports that one): `InvoiceOverdue` adds the invoice,
 * reminders keep its open amount and the latest reminder, a payment or credit note lowers
 * what is open and, at zero, takes it out. Times come from the events only.
 */
export const invoicesOverdueProjection: Projection = {
  name: 'opportunity_invoices_overdue',
  version: 1,
  filter: { streamPrefixes: ['contract-'] },

  async setup(db) {
    await db.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('contract_id', 'text', (c) => c.notNull())
      .addColumn('invoice_id', 'text', (c) => c.notNull())
      .addColumn('ar_id', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('open_minor', 'bigint', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('overdue_at', 'text', (c) => c.notNull())
      .addColumn('reminder_days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('opportunity_invoices_overdue_pk', [...KEY])
      .execute();
    await db.schema
      .createIndex('opportunity_invoices_overdue_by_ar')
      .ifNotExists()
      .on(TABLE)
      .columns(['tenant_id', 'ar_id'])
      .execute();
  },

  async reset(trx) {
    await triangleReadsDb(trx).deleteFrom(TABLE).execute();
  },

  async apply(trx, recorded: RecordedEvent) {
    if (!WATCHED.has(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as Watched;
    await applyInvoiceEvent(trx, recorded.metadata.tenantId, event);
  },
};

async function applyInvoiceEvent(trx: ReadModelTransaction, tenantId: string, event: Watched): Promise<void> {
  const d = event.data;
  if (event.type === 'InvoiceOverdue') {
    const row: OpportunityInvoiceOverdueRow = {
      tenant_id: tenantId,
      contract_id: d.contractId,
      invoice_id: d.invoiceId,
      ar_id: event.data.ar,
      currency: event.data.open.currency,
      open_minor: event.data.open.amountMinor,
      due_on: event.data.dueOn,
      overdue_at: d.at,
      reminder_days: 0,
      updated_at: d.at,
    };
    await putRow(trx, TABLE, row, KEY);
    return;
  }
  const current = await overdueRow(trx, tenantId, d.contractId, d.invoiceId);
  if (current === undefined) return;
  const open = Number(current.open_minor);
  const next = (() => {
    switch (event.type) {
      case 'InvoiceReminderDue':
        return {
          ...current,
          open_minor: event.data.open.amountMinor,
          reminder_days: Math.max(Number(current.reminder_days), event.data.daysAfterDue),
        };
      case 'PaymentReceived':
        return { ...current, open_minor: event.data.openAfter.amountMinor };
      case 'CreditNoteIssued':
        return { ...current, open_minor: open - event.data.amount.amountMinor };
    }
  })();
  if (Number(next.open_minor) <= 0) {
    await triangleReadsDb(trx)
      .deleteFrom(TABLE)
      .where('tenant_id', '=', tenantId)
      .where('contract_id', '=', d.contractId)
      .where('invoice_id', '=', d.invoiceId)
      .execute();
    return;
  }
  await putRow(trx, TABLE, { ...next, updated_at: d.at }, KEY);
}

async function overdueRow(
  trx: ReadModelTransaction,
  tenantId: string,
  contractId: string,
  invoiceId: string,
): Promise<OpportunityInvoiceOverdueRow | undefined> {
  return triangleReadsDb(trx)
    .selectFrom(TABLE)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contractId)
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
}
