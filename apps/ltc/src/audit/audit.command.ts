import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  chainAnchors,
  positionsCountEvents,
  verifyEventChains,
  type ChainAnchor,
  type EventStore,
} from '#ltc/event-store';
import { anchorsFromFile, chainAnchorFile, chainReportView, type ChainReportView } from '#ltc/audit';
import { loadConfig } from '#ltc/platform';
import { engineEventStore } from '../cli/engine-store.js';
import { Progress, count, duration } from '../cli/progress.js';

export const AUDIT_HELP = `  ltc audit verify [--anchors FILE] [--tenant T] [--json]
      Check every event's hash chain in the event store (LTC_DATA_DIR or EVENTSTORE_URL) and
      report the first broken link of each stream. With --anchors, also check the chain
      heads an earlier \`ltc audit anchor\` exported: only they catch a rewritten tail.
      Progress goes to stderr; the report to stdout (--json: as GET /audit/verify gives it).
      Exit code 0 when every link holds, 1 when one is broken.
  ltc audit anchor [--tenant T] [--out FILE]
      Print every stream's chain head as JSON (or write it to FILE), to keep outside the
      database: a signed mail, a write-once bucket, a ticket.`;

/** `ltc audit <subcommand>` */
export async function auditCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'verify' && subcommand !== 'anchor') {
    console.error(`Unknown command "audit ${subcommand ?? ''}".\n\nUsage:\n${AUDIT_HELP}`);
    return 2;
  }
  let values: { anchors?: string; tenant?: string; json?: boolean; out?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options:
        subcommand === 'verify'
          ? { anchors: { type: 'string' }, tenant: { type: 'string' }, json: { type: 'boolean' } }
          : { tenant: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage:\n${AUDIT_HELP}`);
    return 2;
  }
  let anchors: ChainAnchor[] | undefined;
  if (values.anchors !== undefined) {
    try {
      anchors = anchorsFromFile(readFileSync(values.anchors, 'utf8'));
    } catch (error) {
      console.error(`--anchors ${values.anchors}: ${(error as Error).message}`);
      return 2;
    }
  }
  const config = loadConfig();
  const store = engineEventStore(config);
  // Embedded and PostgreSQL positions count events; EventStoreDB's are offsets in its log.
  const unit = positionsCountEvents(config.eventStoreUrl) ? 'events' : 'log positions';
  try {
    if (subcommand === 'anchor') return await anchor(store, values.tenant, values.out, unit);
    return await verify(store, { tenant: values.tenant, anchors, json: values.json === true }, unit);
  } finally {
    await store.close();
  }
}

async function verify(
  store: EventStore,
  options: { tenant: string | undefined; anchors: ChainAnchor[] | undefined; json: boolean },
  unit: string,
): Promise<number> {
  const head = await store.readHeadPosition();
  const progress = new Progress(process.stderr, Number(head), unit, 50_000);
  const report = chainReportView(
    await verifyEventChains(store, {
      ...(options.tenant === undefined ? {} : { tenantId: options.tenant }),
      ...(options.anchors === undefined ? {} : { anchors: options.anchors }),
      onProgress: ({ position }) => progress.moveTo(Number(position)),
    }),
  );
  progress.finish();
  console.log(options.json ? JSON.stringify(report, null, 2) : reportText(report, progress.elapsedMs));
  return report.ok ? 0 : 1;
}

async function anchor(
  store: EventStore,
  tenant: string | undefined,
  out: string | undefined,
  unit: string,
): Promise<number> {
  const head = await store.readHeadPosition();
  const progress = new Progress(process.stderr, Number(head), unit, 50_000);
  progress.moveTo(0);
  const heads = await chainAnchors(store, tenant === undefined ? {} : { tenantId: tenant });
  progress.moveTo(Number(head));
  progress.finish();
  const file = `${JSON.stringify(chainAnchorFile(heads.anchors, heads.headPosition, tenant, new Date()), null, 2)}\n`;
  if (out === undefined) {
    process.stdout.write(file);
  } else {
    try {
      // Never over an earlier anchor file: it may be the only copy of what the chains were.
      writeFileSync(out, file, { flag: 'wx' });
    } catch (error) {
      console.error(`--out ${out}: ${(error as Error).message}`);
      return 2;
    }
    console.error(`${count(heads.anchors.length)} chain heads up to position ${heads.headPosition} written to ${out}`);
  }
  return 0;
}

/** The report for people: one line when all is well, one block per broken stream otherwise. */
export function reportText(report: ChainReportView, elapsedMs: number): string {
  const checked =
    `${count(report.eventsChecked)} events in ${count(report.streamsChecked)} streams up to position ` +
    `${report.headPosition}` +
    (report.anchorsChecked > 0 ? `, against ${count(report.anchorsChecked)} anchors` : '') +
    ` (${duration(elapsedMs / 1000)})`;
  if (report.ok) return `Every chain link holds: ${checked}.`;
  const lines = [`${count(report.breaks.length)} streams have a broken link: ${checked}.`, ''];
  for (const found of report.breaks) {
    const where = found.position === null ? '' : ` (position ${found.position}, event ${found.eventId ?? '?'})`;
    lines.push(`${found.stream} @ revision ${found.revision}${where}: ${found.reason}`, `  ${found.meaning}`);
  }
  return lines.join('\n');
}
