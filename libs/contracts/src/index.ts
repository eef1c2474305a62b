/** The contracts context (MCE): its descriptor for the engine, and its functional core. */
export { contractsContext } from './contracts.context.js';
export * from './domain/index.js';
