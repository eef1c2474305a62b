import type { EventStore } from '#ltc/event-store';
import { LTC_CONTEXTS } from '#ltc/engine';
import { eventStoreFor, type AppConfig } from '#ltc/platform';

/**
 * The configured event store as the engine reads it, for the commands that open it directly
 * (export, audit, demo). Each context declares its personal fields when it is defined, and only
 * declared fields are opened: without loading the engine's contexts, a contract's signatory or a
 * ticket's contact would leave the store still sealed.
 */
export function engineEventStore(config: AppConfig): EventStore {
  if (LTC_CONTEXTS.length === 0) throw new Error('The engine composes no context');
  return eventStoreFor(config);
}
