export * from './recorded-event.js';
export * from './event-store.port.js';
export * from './errors.js';
export * from './event-filter.js';
export * from './stream-name.js';
