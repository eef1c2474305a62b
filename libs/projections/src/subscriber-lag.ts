import type { EventFilter, EventStore } from '#ltc/event-store';

/**
 * Positions between a subscriber's checkpoint and the head, as every status report gives
 * it: the worker running the subscriber and any other process reading its checkpoint.
 * A filtered subscriber's checkpoint only moves on events it handles, so head − checkpoint
 * would overstate its lag; when no matching event lies beyond its checkpoint it is caught up.
 */
export async function subscriberLag(
  store: EventStore,
  position: bigint | null,
  filter: EventFilter | undefined,
  headPosition: bigint,
): Promise<bigint> {
  if (position !== null && position >= headPosition) return 0n;
  if (filter && !(await hasMatchingEventAfter(store, position, filter))) return 0n;
  return headPosition - (position ?? 0n);
}

async function hasMatchingEventAfter(
  store: EventStore,
  position: bigint | null,
  filter: EventFilter,
): Promise<boolean> {
  const next = await store.readAll({ ...(position !== null ? { after: position } : {}), filter, maxCount: 1 });
  return next.length > 0;
}
