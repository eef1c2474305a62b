export * from './leads.module.js';
export * from './read-models/lead-list.projection.js';
export * from './domain/lead-sources.js';
export * from './read-models/lead-source-stats.projection.js';
export * from './scoring/index.js';
export * from './close-lead/nurture.process-manager.js';
export * from './distribution/index.js';
export * from './routing/index.js';
