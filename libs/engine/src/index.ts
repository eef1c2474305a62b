export * from './engine.module.js';
export * from './engine-options.js';
export * from './engine-runtime.module.js';
export { engineProjections, checkContexts } from './context-catalogue.js';
export * from './contexts.js';
export * from './engine.permissions.js';
export * from './http-app.js';
