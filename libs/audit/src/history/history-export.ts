import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { HistoryEntryView } from './history-entry.view.js';

export const CSV = 'text/csv';
export const NDJSON = 'application/x-ndjson';
export type ExportFormat = typeof CSV | typeof NDJSON;

/** The export format an `Accept` header asks for; undefined: JSON pages. */
export function exportFormatOf(accept: string | undefined): ExportFormat | undefined {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  if (types.includes(CSV)) return CSV;
  if (types.includes(NDJSON)) return NDJSON;
  return undefined;
}

/** The columns of a CSV export, flat, in the order analysts read them. */
const CSV_COLUMNS = [
  'position',
  'occurredAt',
  'recordedAt',
  'dealId',
  'kind',
  'stream',
  'revision',
  'type',
  'summary',
  'actorUserId',
  'actorRole',
  'causeKind',
  'cause',
  'causeEventId',
  'commandId',
  'correlationId',
  'causationId',
  'eventId',
] as const;

function csvRecord(entry: HistoryEntryView): Record<(typeof CSV_COLUMNS)[number], string | number> {
  return {
    position: entry.position,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    dealId: entry.dealId ?? '',
    kind: entry.kind,
    stream: entry.stream,
    revision: entry.revision,
    type: entry.type,
    summary: entry.summary,
    actorUserId: entry.actor.userId,
    actorRole: entry.actor.role,
    causeKind: entry.cause.kind,
    cause: entry.cause.description,
    causeEventId: entry.cause.eventId ?? '',
    commandId: entry.commandId,
    correlationId: entry.correlationId,
    causationId: entry.causationId,
    eventId: entry.eventId,
  };
}

/** The whole export as a streamed body: nothing is held in memory but the page being read. */
export function exportFile(
  entries: AsyncIterable<HistoryEntryView>,
  format: ExportFormat,
  name: string,
): StreamableFile {
  const source = Readable.from(entries);
  const body =
    format === CSV
      ? // Summaries carry customers' words: a cell starting with = or + must not run as a spreadsheet formula.
        source.map(csvRecord).pipe(stringify({ header: true, columns: [...CSV_COLUMNS], escape_formulas: true }))
      : source.map((entry: HistoryEntryView) => `${JSON.stringify(entry)}\n`);
  const extension = format === CSV ? 'csv' : 'ndjson';
  return new StreamableFile(body, {
    type: `${format}; charset=utf-8`,
    disposition: `attachment; filename="${name}.${extension}"`,
  });
}
