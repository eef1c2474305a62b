export * from './read-model-db.js';
export * from './projection.js';
export * from './upsert.js';
export * from './bulk-upsert.js';
export * from './bulk-delete.js';
export * from './missing-columns.js';
export type { OpenScratch, ScratchReadModels } from './scratch-read-models.js';
export * from './checkpoint.store.js';
export * from './process-manager.js';
export * from './process-manager-effects.js';
export * from './one-at-a-time.js';
export type { RetryPolicy } from './process-manager.worker.js';
export {
  HandlerFailedError,
  type BackoffPolicy,
  type RunnerLogger,
  type SubscriberKind,
  type SubscriberState,
} from './subscriber-worker.js';
export * from './projection-runner.js';
export { setupSubscriberTables } from './subscriber-tables.js';
export { CheckpointMovedError } from './projection.worker.js';
export { isTransientError } from './transient-errors.js';
export * from './runner-lease.js';
export * from './background-jobs.js';
export * from './deciding-process-manager.js';
export * from './projected-as-of.js';
export * from './page-cursor.js';
