/**
 * The contracts context's pure domain (`#ltc/contracts/domain`): a contract per won deal as a
 * decider, its vocabulary, events, commands, state and the figures its invariants read.
 */
export * from './contract-vocabulary.js';
export * from './contract.events.js';
export * from './contract.commands.js';
export * from './contract.state.js';
export * from './contract-balance.js';
export * from './contract-terms.js';
export * from './contract-event.js';
export * from './contract.decider.js';
export { evolveContract } from './contract.evolve.js';
export { addDays, endOfDay } from './contract-guards.js';
