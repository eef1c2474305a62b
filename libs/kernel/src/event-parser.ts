import type { DomainEvent } from './decider.js';

/** An event as the store holds it, as far as narrowing it needs: its type, data and schema version. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  /** Absent only where a caller built the event by hand; the store always records one. */
  readonly metadata?: { readonly schemaVersion: number };
}

/**
 * Turns a stored event into one of a context's domain events, or undefined for a type the
 * context does not know (a newer writer's, or one its readers never fold). The one place
 * stored events are narrowed: upcasters run here, with the stored `schemaVersion` at hand,
 * so every fold reads older shapes as today's.
 */
export type EventParser<Event extends DomainEvent> = (stored: StoredEvent) => Event | undefined;

/**
 * A parser for the event types listed as the keys of `known` (a `Record` over the context's
 * event types, so the compiler refuses a type left out), with an optional upcaster.
 */
export function eventParser<Event extends DomainEvent>(
  known: Readonly<Record<Event['type'], unknown>>,
  upcast: (event: Event, stored: StoredEvent) => Event = (event) => event,
): EventParser<Event> {
  const types = new Set<string>(Object.keys(known));
  // The type is checked against the context's own list; the data's shape is the writer's promise.
  return (stored) =>
    types.has(stored.type) ? upcast({ type: stored.type, data: stored.data } as Event, stored) : undefined;
}
