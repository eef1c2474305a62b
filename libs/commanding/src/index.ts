export * from './command-dispatcher.port.js';
export * from './command-errors.js';
export * from './command-handler.js';
export * from './idempotency.js';
export * from './stream-state.cache.js';
export * from './aggregate-stream.js';
export * from './keyed-lock.js';
