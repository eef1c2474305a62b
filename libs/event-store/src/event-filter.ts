import type { EventFilter } from './event-store.port.js';

/** Whether an event passes a filter; shared by adapters that filter in process. */
export function matchesFilter(filter: EventFilter | undefined, stream: string, type: string): boolean {
  if (!filter) return true;
  if (filter.eventTypes && filter.eventTypes.length > 0 && !filter.eventTypes.includes(type)) return false;
  if (filter.streamPrefixes && filter.streamPrefixes.length > 0) {
    return filter.streamPrefixes.some((prefix) => stream.startsWith(prefix));
  }
  return true;
}
