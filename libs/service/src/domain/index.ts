/** The service context's functional core: tickets, their SLA and OLA clocks, and the business-time module they use. */
export * from './clock/index.js';
export * from './service-vocabulary.js';
export * from './ticket.events.js';
export * from './ticket.commands.js';
export * from './ticket.state.js';
export * from './ticket-event.js';
export * from './ticket.decider.js';
export * from './ticket.evolve.js';
export * from './sla-clock.js';
export * from './priority-matrix.js';
