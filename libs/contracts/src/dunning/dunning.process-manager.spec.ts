import { InMemoryEventStore, type RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import {
  CONTRACT,
  NET_30,
  VALUE,
  accept,
  accepted,
  credit,
  deliver,
  handedOver,
  invoice,
  pay,
  po,
} from '../../test/contract-decider.support.js';
import { contractStream } from '../contract-streams.js';
import { dunningProcessManager } from './dunning.process-manager.js';

const metadata = {
  tenantId: 'acme',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: 'cmd-1',
  actor: { userId: 'u-1', role: 'ar' },
  schemaVersion: 1,
};

/** What the manager does for one event, as effects recorded in order. */
async function storedHistory(history: ReturnType<typeof accepted>): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await store.appendToStream(
    contractStream(CONTRACT),
    history.map((event) => ({ type: event.type, data: event.data, metadata })),
  );
  return store;
}

async function effectsOf(store: InMemoryEventStore, event: RecordedEvent): Promise<string[]> {
  const done: string[] = [];
  const ctx: ProcessManagerContext = {
    dispatch: async (command) => void done.push(`dispatch ${command.type}`),
    schedule: async (timer) => void done.push(`schedule ${timer.timerId}`),
    cancel: async (timerId) => void done.push(`cancel ${timerId}`),
  };
  await dunningProcessManager({ store }).handle(event, ctx);
  return done;
}

describe('Dunning › read from the contract as of each event', () => {
  it('keeps the timers after a part payment, and cancels them when a credit note settles the rest (a replay decides the same)', async () => {
    const store = await storedHistory(
      accepted(invoice('inv-1', 600_000), pay('inv-1', 100_000), credit('inv-1', 500_000)),
    );
    const stored = await store.readStream(contractStream(CONTRACT));
    const of = (type: string) => stored.find((event) => event.type === type)!;
    const prefix = `${CONTRACT}-inv-1`;
    expect(await effectsOf(store, of('InvoiceIssued'))).toEqual([
      `schedule invoice-overdue-${prefix}`,
      `schedule invoice-reminder-${prefix}-7`,
      `schedule invoice-reminder-${prefix}-14`,
      `schedule invoice-reminder-${prefix}-30`,
    ]);
    // The payment left 500 000 open at its moment, though the invoice is settled later.
    expect(await effectsOf(store, of('PaymentReceived'))).toEqual([]);
    expect(await effectsOf(store, of('CreditNoteIssued'))).toEqual([
      `cancel invoice-overdue-${prefix}`,
      `cancel invoice-reminder-${prefix}-7`,
      `cancel invoice-reminder-${prefix}-14`,
      `cancel invoice-reminder-${prefix}-30`,
    ]);
  });

  it('schedules and cancels the reminders at the days the contract’s terms name', async () => {
    const store = await storedHistory(
      handedOver(
        { ...NET_30, reminderDays: [5] },
        po('po-1', VALUE),
        deliver('po-1', 600_000),
        accept('po-1', 600_000),
        invoice('inv-1', 600_000),
        pay('inv-1', 600_000),
      ),
    );
    const stored = await store.readStream(contractStream(CONTRACT));
    const of = (type: string) => stored.find((event) => event.type === type)!;
    const prefix = `${CONTRACT}-inv-1`;
    expect(await effectsOf(store, of('InvoiceIssued'))).toEqual([
      `schedule invoice-overdue-${prefix}`,
      `schedule invoice-reminder-${prefix}-5`,
    ]);
    expect(await effectsOf(store, of('PaymentReceived'))).toEqual([
      `cancel invoice-overdue-${prefix}`,
      `cancel invoice-reminder-${prefix}-5`,
    ]);
  });
});
