/**
 * Service configuration as the ticket shell decides with it: SLA policies (with the built-in
 * `default`), business calendars, service groups and contract entitlements, each a versioned
 * stream with a pure decider. One event is one version; the same definition again appends nothing.
 */
export * from './config-rules.js';
export * from './config.events.js';
export * from './sla-policy.types.js';
export * from './sla-policy.validate.js';
export * from './sla-policy.decider.js';
export * from './service-calendar.types.js';
export * from './service-calendar.decider.js';
export * from './service-group.types.js';
export * from './service-group.decider.js';
export * from './service-entitlement.types.js';
export * from './service-entitlement.decider.js';
