/**
 * Lead scoring, a part of the leads context in a library of its own: the tenant's versioned
 * scoring model (its decider, read, change, preview), the scoring process manager and the
 * source-conversion read model it learns from. It builds on the lead lifecycle (`#ltc/leads`);
 * the leads context's descriptor registers it (libs/leads/src/leads.context.ts).
 */
export * from './scoring.module.js';
export * from './scoring-model-stream.js';
export * from './load-scoring-model.js';
export * from './source-conversion.projection.js';
export * from './source-conversion.queries.js';
export * from './domain/scoring-model.js';
export * from './domain/default-scoring-model.js';
export * from './domain/score-lead.js';
export * from './domain/validate-scoring-model.js';
export * from './domain/normalise-scoring-model.js';
export * from './domain/scoring-model.events.js';
export * from './domain/scoring-model.commands.js';
export * from './domain/scoring-model.state.js';
export * from './domain/scoring-model.decider.js';
export * from './lead-scoring.process-manager.js';
export * from './simulation/lead-scoring.simulation.js';
export { leadScoringPermissions } from './lead-scoring.permissions.js';
