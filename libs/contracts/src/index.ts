/** The contracts context (MCE): for now its functional core; the Nest shell comes next. */
export * from './domain/index.js';
