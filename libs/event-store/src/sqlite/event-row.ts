import { randomUUID } from 'node:crypto';
import { contentDigest } from '../chain/event-chain.js';
import type { ExpectedRevision } from '../event-store.port.js';
import type { EventToAppend, RecordedEvent } from '../recorded-event.js';
import { COLUMN, type EventRowValues } from './event-columns.js';
import { metadataFromRow, metadataToColumns, type MetadataColumns } from './metadata-columns.js';

/**
 * An event ready to insert: already serialised, with its content digest; its stream,
 * revision, time and chain hash come with the insert.
 */
export interface NewEvent extends MetadataColumns {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly digest: string;
}

/** One append as a group commit takes it: its events ready to insert. */
export interface AppendRequest {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly NewEvent[];
}

/** The append's request; an empty list of events is refused with a RangeError (see the port). */
export function appendRequest(
  stream: string,
  events: readonly EventToAppend[],
  options: { readonly expectedRevision?: ExpectedRevision } | undefined,
): AppendRequest {
  if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
  return { stream, expected: options?.expectedRevision ?? 'any', events: events.map(toNewEvent) };
}

/**
 * The event as its row will hold it. Done by the append, before its batch: an event that JSON
 * cannot hold fails only its own append, and the write lock is held for the chain link alone.
 */
export function toNewEvent(event: EventToAppend): NewEvent {
  const id = event.id ?? randomUUID();
  const data = JSON.stringify(event.data ?? null);
  const columns = metadataToColumns(event.metadata);
  const digest = contentDigest({ id, type: event.type, data: event.data, metadata: event.metadata });
  return { id, type: event.type, data, digest, ...columns };
}

/**
 * An event from its row, read as an array in `EVENT_COLUMNS` order. The PostgreSQL store keeps
 * the same columns in the same order, so it builds its events here too.
 */
export function toRecordedEvent(row: EventRowValues): RecordedEvent {
  return {
    id: row[COLUMN.id],
    stream: row[COLUMN.stream],
    revision: row[COLUMN.revision],
    position: row[COLUMN.position],
    type: row[COLUMN.type],
    data: JSON.parse(row[COLUMN.data]) as unknown,
    metadata: metadataFromRow(row),
    // Milliseconds since 1970 fit a double exactly for the next 280,000 years.
    recordedAt: new Date(Number(row[COLUMN.recorded_at])),
    // Always present (undefined when missing), so every event object has one shape.
    chainHash: row[COLUMN.chain_hash] ?? undefined,
  };
}
