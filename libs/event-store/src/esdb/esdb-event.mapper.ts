import { randomUUID } from 'node:crypto';
import type { EventData, JSONType, ResolvedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../recorded-event.js';

/**
 * The metadata as written to EventStoreDB: ours, plus the two keys the server's
 * `$by_correlation_id` projection and its tooling read. They duplicate our fields, so
 * they are dropped again on read and `EventMetadata` round-trips unchanged.
 */
interface StoredMetadata extends EventMetadata {
  readonly $correlationId: string;
  readonly $causationId: string;
}

/** An event of the server's own (`$`-prefixed stream or type): never one of ours. */
export function isSystemEvent(stream: string, type: string): boolean {
  return stream.startsWith('$') || type.startsWith('$');
}

export function toEventData(event: EventToAppend): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  return {
    id: event.id ?? randomUUID(),
    contentType: 'application/json',
    type: event.type,
    // The client types JSON data narrowly but serialises it with JSON.stringify, which
    // takes any value; `null` stands in for a missing payload, as in the other adapters.
    data: (event.data ?? null) as JSONType,
    metadata: metadata as unknown as JSONType,
  };
}

/**
 * Our event from one the client read, or undefined for anything that is not one of ours
 * (system events, unresolved links). Positions stay bigint end to end.
 */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error(`EventStoreDB returned event ${event.id} of ${event.streamId} without a position`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data,
    metadata: toEventMetadata(event.metadata, event.id),
    recordedAt: event.created,
  };
}

function toEventMetadata(raw: unknown, id: string): EventMetadata {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array || Array.isArray(raw)) {
    throw new Error(`Event ${id} has no JSON metadata object; it was not written through this store`);
  }
  const { $correlationId: _correlation, $causationId: _causation, ...metadata } = raw as Partial<StoredMetadata>;
  return metadata as EventMetadata;
}
