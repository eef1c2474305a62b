export * from './decider.js';
export * from './domain-errors.js';
export * from './money.js';
export * from './fault-point.js';
export * from './event-parser.js';
