/** The service context (ITR): its descriptor for the engine, and its functional core. */
export { serviceContext } from './service.context.js';
export * from './domain/index.js';
export { ticketContactSubject, ticketPersonalFields } from './ticket-personal-data.js';
