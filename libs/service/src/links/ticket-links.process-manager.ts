import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { TICKET_LINK_EVENTS, decideTicketLinks } from './ticket-links.decide.js';

/** Links tickets to the leads and tickets raised from them (see `decideTicketLinks`). */
export function ticketLinksProcessManager(): ProcessManager {
  return decidingProcessManager({
    name: 'service_ticket_links',
    filter: { eventTypes: [...TICKET_LINK_EVENTS] },
    partitionKey: (event) => event.stream,
    decide: decideTicketLinks,
  });
}
