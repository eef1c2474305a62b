import { streamName, type RecordedEvent } from '#ltc/event-store';
import type { HistoryContribution } from '#ltc/platform';
import type { TicketAccepted } from './domain/ticket.events.js';

/** How tickets read in deal histories: a ticket served under a contract belongs to that contract's deal. */
export const ticketHistory: HistoryContribution = {
  streamKinds: { ticket: 'ticket' },
  dealLinks: (event: RecordedEvent) => {
    if (event.type !== 'TicketAccepted') return [];
    const { contractId } = (event.data as TicketAccepted['data']).customer;
    return contractId === null ? [] : [{ stream: event.stream, sameDealAs: streamName('contract', contractId) }];
  },
};
