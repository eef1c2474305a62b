export { TicketCommands, type AcceptInput, type OpenTaskInput } from './ticket-commands.service.js';
export { ticketCommands, type TicketCommandInput } from './ticket-command.message.js';
export { actorOf, audienceOf, canSeeTicketState, readVisibleTicket } from './ticket-audience.js';
export { TicketSpawns, type LeadNeed, type ReopenAnswer } from './ticket-spawns.service.js';
