import type { RecordedEvent } from '#ltc/event-store';
import type { HistoryContribution } from '#ltc/platform';
import type { ContractDrafted } from './domain/contract.events.js';

/** How contracts read in deal histories: a contract, its POs, invoices and payments belong to the deal it was drafted for. */
export const contractHistory: HistoryContribution = {
  streamKinds: { contract: 'contract' },
  dealLinks: (event: RecordedEvent) =>
    event.type === 'ContractDrafted'
      ? [{ stream: event.stream, dealId: (event.data as ContractDrafted['data']).dealId }]
      : [],
};
