export * from './lead-response-times.projection.js';
export * from './lead-funnel.projection.js';
export * from './lead-assignments.projection.js';
export { LeadAnalyticsController } from './lead-analytics.controller.js';
export { speedToLead, type SpeedToLeadQuery, type SpeedToLeadReport } from './speed-to-lead.queries.js';
export { conversionBySource, type ConversionBySourceReport } from './conversion-by-source.queries.js';
export { distributionReport } from './distribution-fairness.queries.js';
