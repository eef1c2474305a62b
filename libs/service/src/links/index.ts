export { ticketLinksProcessManager } from './ticket-links.process-manager.js';
export { decideTicketLinks } from './ticket-links.decide.js';
