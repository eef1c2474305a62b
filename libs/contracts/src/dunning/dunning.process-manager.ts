import { aggregateStream } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { parseContractEvent } from '../domain/contract-event.js';
import { contractDecider } from '../domain/contract.decider.js';
import { invoiceOf, openOnInvoiceMinor } from '../domain/contract.state.js';
import { decideDunning, SETTLING_EVENTS, type InvoiceAtEvent } from './dunning.decide.js';

/**
 * Chases every issued invoice with durable timers (see `decideDunning`). Each contract's
 * events are handled in log order, so a cancel never overtakes its schedule.
 */
export function dunningProcessManager({ store }: { readonly store: EventStore }): ProcessManager {
  return decidingProcessManager({
    name: 'contract_dunning',
    filter: { eventTypes: ['InvoiceIssued', ...SETTLING_EVENTS] },
    partitionKey: (event) => event.stream,
    load: (event) => invoiceAtEvent(store, event),
    decide: decideDunning,
  });
}

/**
 * The invoice a payment or credit note is for, with what is open on it as of that event
 * (the contract folded up to it, so a replay decides what the live run did).
 */
async function invoiceAtEvent(store: EventStore, event: RecordedEvent): Promise<InvoiceAtEvent | null> {
  if (!(SETTLING_EVENTS as readonly string[]).includes(event.type)) return null;
  const invoiceId = (event.data as { invoiceId?: unknown }).invoiceId;
  if (typeof invoiceId !== 'string') return null;
  const { state } = await aggregateStream(store, contractDecider, event.stream, {
    parse: parseContractEvent,
    upTo: event.position,
  });
  if (state.status === 'none') return null;
  const invoice = invoiceOf(state, invoiceId);
  return invoice === undefined ? null : { invoiceId, openMinor: openOnInvoiceMinor(invoice) };
}
