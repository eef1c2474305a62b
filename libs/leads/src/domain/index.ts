/**
 * The lead's pure domain as the leads context's other libraries use it (`#ltc/leads/domain`):
 * its vocabulary, events, commands, state and decider. A sub-domain's own `domain/` (scoring,
 * analytics) may import this entry and stay pure; another bounded context may not.
 */
export * from './lead-sources.js';
export * from './lead-tags.js';
export * from './lead-vocabulary.js';
export * from './lead.events.js';
export * from './lead.commands.js';
export * from './lead.state.js';
export * from './lead-event.js';
export * from './lead.decider.js';
export * from './lead-routing-deferred.events.js';
