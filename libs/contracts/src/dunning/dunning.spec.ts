import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { decideDunning, overdueTimerId, reminderTimerId } from './dunning.decide.js';
import { dunningProcessManager } from './dunning.process-manager.js';

const issued = recordedEvent({
  type: 'InvoiceIssued',
  stream: 'contract-deal-1',
  data: { contractId: 'deal-1', invoiceId: 'inv-1', dueOn: '2026-04-01', dueAt: '2026-04-01T23:59:59.999Z' },
});
const paid = recordedEvent({
  type: 'PaymentReceived',
  stream: 'contract-deal-1',
  data: { contractId: 'deal-1', invoiceId: 'inv-1', openAfter: { amountMinor: 0, currency: 'EUR' } },
});
const credited = recordedEvent({
  type: 'CreditNoteIssued',
  stream: 'contract-deal-1',
  data: { contractId: 'deal-1', invoiceId: 'inv-1' },
});

const DAY = 86_400_000;
const DEFAULT = [7, 14, 30];
const settledAt = (openMinor: number, reminderDays = DEFAULT) => ({
  reminderDays,
  settled: { invoiceId: 'inv-1', openMinor },
});
const due = Date.parse('2026-04-01T23:59:59.999Z');
const allTimers = [
  'invoice-overdue-deal-1-inv-1',
  'invoice-reminder-deal-1-inv-1-7',
  'invoice-reminder-deal-1-inv-1-14',
  'invoice-reminder-deal-1-inv-1-30',
];

describe('Dunning › an issued invoice is chased', () => {
  it('given InvoiceIssued, then an overdue timer at its due moment and reminders 7, 14 and 30 days after', () => {
    expect(decideDunning(issued, null)).toEqual([
      {
        kind: 'schedule',
        timer: {
          timerId: allTimers[0],
          dueAt: new Date(due),
          command: { type: 'contract.FlagInvoiceOverdue', payload: { contractId: 'deal-1', invoiceId: 'inv-1' } },
        },
      },
      ...[7, 14, 30].map((days, index) => ({
        kind: 'schedule',
        timer: {
          timerId: allTimers[index + 1],
          dueAt: new Date(due + days * DAY),
          command: {
            type: 'contract.SendInvoiceReminder',
            payload: { contractId: 'deal-1', invoiceId: 'inv-1', daysAfterDue: days },
          },
        },
      })),
    ]);
  });

  it('given terms naming other reminder days, then reminders at those days, and a settlement cancels those', () => {
    const effects = decideDunning(issued, { reminderDays: [3, 45], settled: null });
    expect(effects.map((e) => (e.kind === 'schedule' ? [e.timer.timerId, e.timer.dueAt.getTime()] : null))).toEqual([
      ['invoice-overdue-deal-1-inv-1', due],
      ['invoice-reminder-deal-1-inv-1-3', due + 3 * DAY],
      ['invoice-reminder-deal-1-inv-1-45', due + 45 * DAY],
    ]);
    expect(decideDunning(paid, settledAt(0, [3, 45]))).toEqual([
      { kind: 'cancel', timerId: 'invoice-overdue-deal-1-inv-1' },
      { kind: 'cancel', timerId: 'invoice-reminder-deal-1-inv-1-3' },
      { kind: 'cancel', timerId: 'invoice-reminder-deal-1-inv-1-45' },
    ]);
  });

  it('given terms naming no reminder days, then only the overdue timer', () => {
    expect(decideDunning(issued, { reminderDays: [], settled: null })).toHaveLength(1);
  });

  it('names each timer by contract, invoice and step, so a redelivered issue schedules each once', () => {
    expect(decideDunning(issued, null)).toEqual(decideDunning(issued, null));
    expect([overdueTimerId('c', 'i'), reminderTimerId('c', 'i', 7)]).toEqual([
      'invoice-overdue-c-i',
      'invoice-reminder-c-i-7',
    ]);
  });
});

describe('Dunning › a settled invoice is no longer chased', () => {
  it('given a payment that leaves nothing open, then every timer of the invoice is cancelled', () => {
    expect(decideDunning(paid, settledAt(0))).toEqual(allTimers.map((timerId) => ({ kind: 'cancel', timerId })));
  });

  it('given a credit note that brings the invoice to zero, then every timer of the invoice is cancelled', () => {
    expect(decideDunning(credited, settledAt(0))).toHaveLength(4);
  });

  it('given a partial payment or credit (one minor unit still open), then the timers stay', () => {
    expect(decideDunning(paid, settledAt(1))).toEqual([]);
    expect(decideDunning(credited, settledAt(1))).toEqual([]);
  });

  it('given an invoice the contract does not know, or another event, then nothing', () => {
    expect(decideDunning(paid, null)).toEqual([]);
    expect(decideDunning(recordedEvent({ type: 'ContractClosed', stream: 'contract-deal-1' }), null)).toEqual([]);
  });

  it('listens to issues, payments and credit notes, each contract in order', () => {
    const manager = dunningProcessManager({ store: {} as never });
    expect([manager.name, manager.filter]).toEqual([
      'contract_dunning',
      { eventTypes: ['InvoiceIssued', 'PaymentReceived', 'CreditNoteIssued'] },
    ]);
    expect(manager.partitionKey?.(issued)).toBe('contract-deal-1');
  });
});
