/** The opportunities context (MO): its descriptor for the engine, and its functional core. */
export { opportunitiesContext } from './opportunities.context.js';
export * from './domain/index.js';
