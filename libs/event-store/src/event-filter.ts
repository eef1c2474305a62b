import type { EventFilter } from './event-store.port.js';

/**
 * A filter compiled into one test of an event, for adapters that filter in process:
 * compiled once per read or subscription, the types become a set, and no filter at all
 * accepts everything at once.
 */
export function eventMatcher(filter: EventFilter | undefined): (event: { stream: string; type: string }) => boolean {
  const types = filter?.eventTypes && filter.eventTypes.length > 0 ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes && filter.streamPrefixes.length > 0 ? filter.streamPrefixes : undefined;
  if (!types && !prefixes) return () => true;
  return (event) =>
    (!types || types.has(event.type)) && (!prefixes || prefixes.some((prefix) => event.stream.startsWith(prefix)));
}
