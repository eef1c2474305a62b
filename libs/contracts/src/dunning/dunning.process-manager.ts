import { aggregateStream } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { parseContractEvent } from '../domain/contract-event.js';
import { contractDecider } from '../domain/contract.decider.js';
import { invoiceOf, openOnInvoiceMinor } from '../domain/contract.state.js';
import { reminderDaysOf } from '../domain/contract-vocabulary.js';
import { decideDunning, SETTLING_EVENTS, type ContractAtEvent } from './dunning.decide.js';

/**
 * Chases every issued invoice with durable timers (see `decideDunning`). Each contract's
 * events are handled in log order, so a cancel never overtakes its schedule.
 */
export function dunningProcessManager({ store }: { readonly store: EventStore }): ProcessManager {
  return decidingProcessManager({
    name: 'contract_dunning',
    filter: { eventTypes: ['InvoiceIssued', ...SETTLING_EVENTS] },
    partitionKey: (event) => event.stream,
    load: (event) => contractAtEvent(store, event),
    decide: decideDunning,
  });
}

/**
 * The contract's reminder days and, for a payment or credit note, its invoice with what is open
 * on it, as of the event (the contract folded up to it, so a replay decides what the live run did).
 */
async function contractAtEvent(store: EventStore, event: RecordedEvent): Promise<ContractAtEvent | null> {
  const { state } = await aggregateStream(store, contractDecider, event.stream, {
    parse: parseContractEvent,
    upTo: event.position,
  });
  if (state.status === 'none') return null;
  const reminderDays = reminderDaysOf(state.paymentTerms);
  const invoiceId = (event.data as { invoiceId?: unknown }).invoiceId;
  const isSettling = (SETTLING_EVENTS as readonly string[]).includes(event.type);
  if (!isSettling || typeof invoiceId !== 'string') return { reminderDays, settled: null };
  const invoice = invoiceOf(state, invoiceId);
  return {
    reminderDays,
    settled: invoice === undefined ? null : { invoiceId, openMinor: openOnInvoiceMinor(invoice) },
  };
}
