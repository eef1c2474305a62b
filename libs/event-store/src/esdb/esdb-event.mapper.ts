import { chainLink, contentDigest } from '../chain/event-chain.js';
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
  /** The event's chain hash (see `chain/event-chain.ts`), read back as `RecordedEvent.chainHash`. */
  readonly $chainHash: string;
}

/** What the next event of a stream links to. */
export interface ChainTail {
  readonly revision: bigint;
  readonly chainHash: string | undefined;
}

/** An event of the server's own (`$`-prefixed stream or type): never one of ours. */
export function isSystemEvent(stream: string, type: string): boolean {
  return stream.startsWith('$') || type.startsWith('$');
}

/** The events as the server will store them, each linked to the one before it, the first to `tail`. */
export function chained(
  stream: string,
  events: readonly (EventToAppend & { readonly id: string })[],
  tail: ChainTail | undefined,
): EventData[] {
  let previous = tail?.chainHash;
  let revision = tail?.revision ?? -1n;
  return events.map((event) => {
    revision += 1n;
    const data = event.data ?? null;
    const digest = contentDigest({ id: event.id, type: event.type, data, metadata: event.metadata });
    previous = chainLink(previous, stream, revision, digest);
    return toEventData(event, data, previous);
  });
}

function toEventData(event: EventToAppend & { readonly id: string }, data: unknown, chainHash: string): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
    $chainHash: chainHash,
  };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // The client types JSON data narrowly but serialises it with JSON.stringify, which
    // takes any value; `null` stands in for a missing payload, as in the other adapters.
    data: data as JSONType,
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
    chainHash: chainHashOf(event.metadata),
  };
}

function chainHashOf(raw: unknown): string | undefined {
  const hash = (raw as Partial<StoredMetadata> | null)?.$chainHash;
  return typeof hash === 'string' ? hash : undefined;
}

function toEventMetadata(raw: unknown, id: string): EventMetadata {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array || Array.isArray(raw)) {
    throw new Error(`Event ${id} has no JSON metadata object; it was not written through this store`);
  }
  const {
    $correlationId: _correlation,
    $causationId: _causation,
    $chainHash: _chain,
    ...metadata
  } = raw as Partial<StoredMetadata>;
  return metadata as EventMetadata;
}
