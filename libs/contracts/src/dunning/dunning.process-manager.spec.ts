import { InMemoryEventStore, type RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import { CONTRACT, accepted, credit, invoice, pay } from '../../test/contract-decider.support.js';
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
    const store = new InMemoryEventStore();
    const history = accepted(invoice('inv-1', 600_000), pay('inv-1', 100_000), credit('inv-1', 500_000));
    await store.appendToStream(
      contractStream(CONTRACT),
      history.map((event) => ({ type: event.type, data: event.data, metadata })),
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
});
