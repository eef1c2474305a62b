export * from './esdb-wire-double/index.js';
export * from './postgres.js';
export * from './race.js';
export * from './typescript-child.js';
export * from './query-plans.js';
export * from './read-model-test-db.js';
