export * from './leads.module.js';
export * from './read-models/lead-list.projection.js';
export * from './domain/lead-sources.js';
