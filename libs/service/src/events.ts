/**
 * The service context's published event contract: the ticket events other contexts may react
 * to (a lead raised from a ticket, analytics of service after the sale), as types only. A
 * consumer imports this entry (`#ltc/service/events`) with `import type` and keeps its own
 * projection. Add fields, never remove or repurpose one.
 */
export type * from './domain/ticket.events.js';
export type * from './domain/service-vocabulary.js';
export type { BusinessCalendar, WorkingPeriod, Weekday } from './domain/clock/business-calendar.js';

/** The stream category of every ticket event, `ticket-<ticketId>`; the tenant is in the event's metadata. */
export type TicketStreamPrefix = 'ticket-';
