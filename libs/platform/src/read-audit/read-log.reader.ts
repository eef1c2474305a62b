import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '#ltc/kernel';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#ltc/event-store';
import { decodePageCursor, encodePageCursor } from '#ltc/projections';
import { READ_RECORDED, readAuditStream, type ReadRecordedData } from './read-recorded.event.js';
import type { ReadEntryView } from './read-log.dto.js';

const DAY_MS = 24 * 3600 * 1000;
/** The longest period one query spans: each day is a stream to open. */
export const MAX_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 30;
/** Events read from a day's stream at a time while filling a page. */
const BATCH = 500;
const CURSOR_RULE = 'readLogCursor';

export interface ReadLogQuery {
  readonly tenantId: string;
  readonly from?: Date | undefined;
  readonly to: Date;
  readonly actor?: string | undefined;
  readonly kind?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/**
 * The tenant's read log for a period, oldest first, straight from its day streams: no read
 * model to rebuild or to fall behind, and what an auditor sees is exactly what the hash
 * chains cover. The cursor is the day and the revision after the last entry given.
 */
@Injectable()
export class ReadLogReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(query: ReadLogQuery): Promise<{ entries: ReadEntryView[]; nextCursor: string | null }> {
    const from = query.from ?? new Date(query.to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (from >= query.to) throw new InvalidInputError('from', 'period', 'from must be before to');
    if (query.to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw new InvalidInputError('from', 'period', `the period may span at most ${MAX_PERIOD_DAYS} days`);
    }
    let [day, revision] = startOf(query.cursor, from);
    const entries: ReadEntryView[] = [];
    const lastDay = utcDay(new Date(query.to.getTime() - 1));
    while (day <= lastDay) {
      const stream = readAuditStream(query.tenantId, day);
      const batch = await this.store.readStream(stream, { fromRevision: revision, maxCount: BATCH });
      for (const event of batch) {
        revision = event.revision + 1n;
        const entry = entryOf(event, query, from);
        if (entry) entries.push(entry);
        if (entries.length === query.limit) return { entries, nextCursor: cursorAt(day, revision) };
      }
      if (batch.length < BATCH) {
        day = new Date(day.getTime() + DAY_MS);
        revision = 0n;
      }
    }
    return { entries, nextCursor: null };
  }
}

function entryOf(event: RecordedEvent, query: ReadLogQuery, from: Date): ReadEntryView | undefined {
  if (event.type !== READ_RECORDED || event.metadata.tenantId !== query.tenantId) return undefined;
  const data = event.data as ReadRecordedData;
  const at = new Date(data.at);
  if (at < from || at >= query.to) return undefined;
  if (query.actor !== undefined && event.metadata.actor.userId !== query.actor) return undefined;
  if (query.kind !== undefined && data.kind !== query.kind) return undefined;
  return {
    at: data.at,
    actor: { userId: event.metadata.actor.userId, role: event.metadata.actor.role },
    kind: data.kind,
    target: data.target,
    filters: data.filters,
    format: data.format,
    route: data.route,
    ...(data.records !== undefined ? { records: data.records } : {}),
    eventId: event.id,
    stream: event.stream,
  };
}

function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function startOf(cursor: string | undefined, from: Date): [Date, bigint] {
  if (cursor === undefined) return [utcDay(from), 0n];
  const [day, revision] = decodePageCursor(cursor, 2, CURSOR_RULE);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !revision || !/^\d{1,19}$/.test(revision)) {
    throw new InvalidInputError('cursor', CURSOR_RULE, 'cursor must be the nextCursor of a previous page');
  }
  const start = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) {
    throw new InvalidInputError('cursor', CURSOR_RULE, 'cursor must be the nextCursor of a previous page');
  }
  return [start < utcDay(from) ? utcDay(from) : start, start < utcDay(from) ? 0n : BigInt(revision)];
}

function cursorAt(day: Date, revision: bigint): string {
  return encodePageCursor([day.toISOString().slice(0, 10), revision.toString()]);
}
