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

/**
 * A filter compiled into one test of a whole event, for adapters that filter many events
 * in process: the types become a set, and no filter at all accepts everything at once.
 */
export function eventMatcher(filter: EventFilter | undefined): (event: { stream: string; type: string }) => boolean {
  const types = filter?.eventTypes && filter.eventTypes.length > 0 ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes && filter.streamPrefixes.length > 0 ? filter.streamPrefixes : undefined;
  if (!types && !prefixes) return () => true;
  return (event) =>
    (!types || types.has(event.type)) && (!prefixes || prefixes.some((prefix) => event.stream.startsWith(prefix)));
}
