/**
 * The opportunities context's pure domain (`#ltc/opportunities/domain`): pipelines and deals
 * as deciders, their vocabulary, events, commands and state, and quote pricing.
 */
export * from './pipeline.types.js';
export * from './pipeline.validate.js';
export * from './pipeline.events.js';
export * from './pipeline.commands.js';
export * from './pipeline.state.js';
export * from './pipeline.decider.js';
export * from './quote.pricing.js';
export * from './quote.events.js';
export * from './opportunity-vocabulary.js';
export * from './opportunity.events.js';
export * from './opportunity.commands.js';
export * from './opportunity.state.js';
export * from './opportunity-gates.js';
export * from './opportunity-event.js';
export * from './opportunity.decider.js';
export { evolveOpportunity } from './opportunity.evolve.js';
