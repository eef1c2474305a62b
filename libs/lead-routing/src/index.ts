/**
 * Lead distribution and routing, a library of the leads context (ADR 0015): distribution
 * policies and routing rules, the pure distribution engine, the routing process manager with
 * its own tables (ledger, waits, attempts due, notifications; ADR 0016), and the claim guard
 * the lead routes use.
 */
export * from './distribution/index.js';
export * from './routing/index.js';
export * from './simulation/index.js';
export { leadRoutingPermissions } from './lead-routing.permissions.js';
