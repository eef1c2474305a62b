import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { positionsCountEvents, readLog, type EventFilter, type EventStore, type RecordedEvent } from '#ltc/event-store';
import { loadConfig, recordCommandLineExport } from '#ltc/platform';
import { engineEventStore } from '../cli/engine-store.js';
import { Progress, count } from '../cli/progress.js';
import { ANALYTICS_REPORTS, analyticsReport } from './analytics-reports.js';
import { openNew } from './output-file.js';
import { REPORT_EXPORT_HELP, exportReport } from './report-export.js';

export const EXPORT_HELP = `  ltc export events [--kind lead,contract] [--type InvoiceIssued,PaymentReceived]
                    [--from ISO] [--to ISO] [--tenant T] [--format ndjson|csv] [--out FILE]
      Every event of the store (LTC_DATA_DIR or EVENTSTORE_URL) in log order, for analysts:
      position, stream, revision, type, recorded time, actor, role, tenant, command,
      correlation, causation, data and metadata. --kind: stream kinds (the part of the
      stream name before the first hyphen); --from/--to: recorded at or after / before;
      --format defaults to ndjson (csv: data and metadata as JSON text). Output goes to
      stdout or --out FILE (never over an existing file); progress to stderr.
${REPORT_EXPORT_HELP}`;

const CSV_COLUMNS = [
  'position',
  'stream',
  'revision',
  'type',
  'recordedAt',
  'tenantId',
  'actorUserId',
  'actorRole',
  'commandId',
  'correlationId',
  'causationId',
  'eventId',
  'data',
  'metadata',
] as const;

interface ExportCommand {
  readonly filter: EventFilter;
  readonly from: Date | undefined;
  readonly to: Date | undefined;
  readonly tenant: string | undefined;
  readonly format: 'ndjson' | 'csv';
  readonly out: string | undefined;
}

/** `ltc export <what>` */
export async function exportCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  const report = analyticsReport(what);
  if (report) return exportReport(report, rest, EXPORT_HELP);
  if (what !== 'events') {
    const known = ['events', ...ANALYTICS_REPORTS.map((r) => r.name)].join(', ');
    console.error(`Unknown command "export ${what ?? ''}" (known: ${known}).\n\nUsage:\n${EXPORT_HELP}`);
    return 2;
  }
  const command = parseExportArgs(rest);
  if (typeof command === 'string') {
    console.error(`${command}\n\nUsage:\n${EXPORT_HELP}`);
    return 2;
  }
  const config = loadConfig();
  const store = engineEventStore(config);
  try {
    return await exportEvents(
      store,
      command,
      positionsCountEvents(config.eventStoreUrl) ? 'events' : 'log positions',
      rest,
    );
  } finally {
    await store.close();
  }
}

function parseExportArgs(args: string[]): ExportCommand | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        kind: { type: 'string' },
        type: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        tenant: { type: 'string' },
        format: { type: 'string', default: 'ndjson' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const list = (text: string | undefined): string[] | undefined =>
    text
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const kinds = list(values.kind);
  if (kinds?.some((kind) => !/^[a-zA-Z][a-zA-Z0-9]*$/.test(kind)))
    return '--kind must be stream kinds such as lead,contract';
  const types = list(values.type);
  const instant = (name: string, text: string | undefined): Date | string | undefined => {
    if (text === undefined) return undefined;
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? `--${name} must be an ISO-8601 instant such as 2026-03-01T00:00:00Z` : at;
  };
  const from = instant('from', values.from);
  const to = instant('to', values.to);
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  if (values.format !== 'ndjson' && values.format !== 'csv') return '--format must be ndjson or csv';
  return {
    filter: {
      ...(kinds?.length ? { streamPrefixes: kinds.map((kind) => `${kind}-`) } : {}),
      ...(types?.length ? { eventTypes: types } : {}),
    },
    from,
    to,
    tenant: values.tenant,
    format: values.format,
    out: values.out,
  };
}

async function exportEvents(store: EventStore, command: ExportCommand, unit: string, args: string[]): Promise<number> {
  const head = await store.readHeadPosition();
  const progress = new Progress(process.stderr, Number(head), unit, 50_000);
  let exported = 0;
  const perTenant = new Map<string, number>();
  const selected = async function* (): AsyncGenerator<RecordedEvent> {
    const events = readLog(store, {
      upTo: head,
      filter: command.filter,
      afterPage: (position) => progress.moveTo(Number(position)),
    });
    for await (const event of events) {
      if (command.tenant !== undefined && event.metadata.tenantId !== command.tenant) continue;
      if (command.from !== undefined && event.recordedAt < command.from) continue;
      if (command.to !== undefined && event.recordedAt >= command.to) continue;
      exported += 1;
      perTenant.set(event.metadata.tenantId, (perTenant.get(event.metadata.tenantId) ?? 0) + 1);
      yield event;
    }
  };
  let out: Writable;
  try {
    out = command.out === undefined ? process.stdout : await openNew(command.out);
  } catch (error) {
    console.error(`--out ${command.out ?? ''}: ${(error as Error).message}`);
    return 2;
  }
  const source = Readable.from(selected());
  const body =
    command.format === 'csv'
      ? // Data carries customers' words: a cell starting with = or + must not run as a spreadsheet formula.
        source.map(csvRecord).pipe(stringify({ header: true, columns: [...CSV_COLUMNS], escape_formulas: true }))
      : source.map((event: RecordedEvent) => `${JSON.stringify(exportedEvent(event))}\n`);
  await pipeline(body, out, { end: command.out !== undefined });
  progress.moveTo(Number(head));
  progress.finish();
  // Each tenant's auditors see that its events left the store, and how many (README "Read audit").
  await recordCommandLineExport(store, {
    route: 'ltc export events',
    recordsPerTenant: perTenant,
    filters: { arguments: args.join(' ') },
    format: command.format === 'csv' ? 'text/csv' : 'application/x-ndjson',
  });
  console.error(`${count(exported)} events exported up to position ${head}${command.out ? ` to ${command.out}` : ''}`);
  return 0;
}

function exportedEvent(event: RecordedEvent): Record<string, unknown> {
  return {
    position: event.position.toString(),
    stream: event.stream,
    revision: event.revision.toString(),
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    eventId: event.id,
    data: event.data,
    metadata: event.metadata,
  };
}

function csvRecord(event: RecordedEvent): Record<(typeof CSV_COLUMNS)[number], string> {
  const { metadata } = event;
  return {
    position: event.position.toString(),
    stream: event.stream,
    revision: event.revision.toString(),
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    tenantId: metadata.tenantId,
    actorUserId: metadata.actor.userId,
    actorRole: metadata.actor.role,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    eventId: event.id,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(metadata),
  };
}
