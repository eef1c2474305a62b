/**
 * Lead analytics, a part of the leads context in a library of its own: the response-time,
 * funnel and assignment read models and the reports built on them (speed to lead,
 * conversion by source, distribution fairness). It builds on the lead lifecycle
 * (`#ltc/leads`); the leads context's descriptor registers it (libs/leads/src/leads.context.ts).
 */
export * from './lead-response-times.projection.js';
export * from './lead-funnel.projection.js';
export * from './lead-assignments.projection.js';
export * from './lead-won-deals.projection.js';
export { LeadAnalyticsModule } from './lead-analytics.module.js';
export { LeadAnalyticsController } from './lead-analytics.controller.js';
export { speedToLead, type SpeedToLeadQuery, type SpeedToLeadReport } from './speed-to-lead.queries.js';
export { conversionBySource, type ConversionBySourceReport } from './conversion-by-source.queries.js';
export { distributionReport } from './distribution-fairness.queries.js';
export { loadRepCapacities } from './rep-capacities.js';
export { leadAnalyticsPermissions } from './lead-analytics.permissions.js';
