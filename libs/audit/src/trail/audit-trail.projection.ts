import type { RecordedEvent } from '#ltc/event-store';
import type { DealLink, HistoryContribution } from '#ltc/platform';
import { asErased, erasedSubjectOf, personalSubjectsOf } from '#ltc/personal-data';
import { upsertMany, type Projection, type ReadModelTransaction } from '#ltc/projections';
import { genericSummary } from '../summary/event-summary.js';
import {
  auditDb,
  clearAuditTables,
  createAuditTables,
  createAuditTrailReadIndexes,
  dropAuditTrailReadIndexes,
  paddedPosition,
  type AuditTrailRow,
  type PersonalEntryRow,
} from './audit-trail.table.js';
import { BatchLinks } from './batch-links.js';

const TRAIL_COLUMNS = [
  'position',
  'tenant_id',
  'event_id',
  'stream',
  'stream_kind',
  'revision',
  'type',
  'occurred_at',
  'recorded_at',
  'actor_user_id',
  'actor_role',
  'command_id',
  'correlation_id',
  'causation_id',
  'summary',
] as const satisfies readonly (keyof AuditTrailRow)[];

/** Timers are the engine's own: a timer's stream joins the deal of the event that scheduled it. */
const TIMER_CATEGORY = 'timer';

/**
 * The audit trail: every event of the log as a history entry, and the streams of each deal.
 * Built from what the contexts declare (`HistoryContribution`): their stream kinds, the
 * events that place a stream in a deal, and their own summaries.
 */
export function auditTrailProjection(contributions: readonly HistoryContribution[]): Projection {
  const kinds = new Map(contributions.flatMap((c) => Object.entries(c.streamKinds)));
  const kindOf = (stream: string): string => {
    const category = stream.slice(0, Math.max(0, stream.indexOf('-'))) || stream;
    return kinds.get(category) ?? category;
  };
  const summaryOf = (event: RecordedEvent): string => {
    for (const contribution of contributions) {
      const line = contribution.summarize?.(event);
      if (line !== undefined) return line;
    }
    return genericSummary(event);
  };
  const linksOf = (event: RecordedEvent): DealLink[] => contributions.flatMap((c) => c.dealLinks?.(event) ?? []);

  return {
    name: 'audit_trail',
    // 2: the summaries an erasure swaps in (`audit_personal_entries`), also for older events.
    version: 2,
    setup: createAuditTables,
    reset: clearAuditTables,
    deferredIndexes: { drop: dropAuditTrailReadIndexes, create: createAuditTrailReadIndexes },
    async apply(trx, event) {
      await applyBatch(trx, [event]);
    },
    applyBatch,
  };

  async function applyBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
    const links = new BatchLinks(trx);
    const trail: AuditTrailRow[] = [];
    const personal: PersonalEntryRow[] = [];
    const erasures: { tenantId: string; subjectId: string }[] = [];
    for (const event of events) {
      trail.push(trailRow(event, kindOf(event.stream), summaryOf(event)));
      personal.push(...personalEntries(event, summaryOf));
      const erased = erasedSubjectOf(event);
      if (erased !== undefined) erasures.push({ tenantId: event.metadata.tenantId, subjectId: erased });
      links.seen(event);
      const tenantId = event.metadata.tenantId;
      if (event.revision === 0n && event.stream.startsWith(`${TIMER_CATEGORY}-`)) {
        await links.childOfEvent(tenantId, event.stream, event.metadata.causationId);
      }
      for (const link of linksOf(event)) await links.add(tenantId, link);
    }
    await upsertMany(
      trx,
      { table: 'audit_trail', columns: TRAIL_COLUMNS, key: ['position'], update: [], pgTypes: { revision: 'bigint' } },
      trail,
    );
    await upsertMany(
      trx,
      {
        table: 'audit_personal_entries',
        columns: ['tenant_id', 'subject_id', 'position', 'erased_summary'],
        key: ['tenant_id', 'subject_id', 'position'],
        update: [],
      },
      personal,
    );
    // After the batch's own entries: an erasure also reaches the entries written just before it.
    for (const erasure of erasures) await eraseSummaries(trx, erasure.tenantId, erasure.subjectId);
    await links.write();
  }
}

/** For an event holding personal values: per subject, the summary it reads with them erased. */
function personalEntries(event: RecordedEvent, summaryOf: (event: RecordedEvent) => string): PersonalEntryRow[] {
  const subjects = personalSubjectsOf(event);
  if (subjects.length === 0) return [];
  // Every subject's values are blanked: an entry about two people loses both when one is erased.
  const erasedSummary = summaryOf(asErased(event));
  return subjects.map((subject) => ({
    tenant_id: event.metadata.tenantId,
    subject_id: subject,
    position: paddedPosition(event.position),
    erased_summary: erasedSummary,
  }));
}

/** The subject's entries take their erased summaries: the trail keeps no plaintext of the person. */
async function eraseSummaries(trx: ReadModelTransaction, tenantId: string, subjectId: string): Promise<void> {
  const entries = await auditDb(trx)
    .selectFrom('audit_personal_entries')
    .select(['position', 'erased_summary'])
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .execute();
  for (const entry of entries) {
    await auditDb(trx)
      .updateTable('audit_trail')
      .set({ summary: entry.erased_summary })
      .where('position', '=', entry.position)
      .execute();
  }
}

function trailRow(event: RecordedEvent, kind: string, summary: string): AuditTrailRow {
  const { metadata } = event;
  const at = (event.data as { at?: unknown } | null)?.at;
  return {
    position: paddedPosition(event.position),
    tenant_id: metadata.tenantId,
    event_id: event.id,
    stream: event.stream,
    stream_kind: kind,
    revision: Number(event.revision),
    type: event.type,
    occurred_at:
      typeof at === 'string' && !Number.isNaN(Date.parse(at))
        ? new Date(at).toISOString()
        : event.recordedAt.toISOString(),
    recorded_at: event.recordedAt.toISOString(),
    actor_user_id: metadata.actor.userId,
    actor_role: metadata.actor.role,
    command_id: metadata.commandId,
    correlation_id: metadata.correlationId,
    causation_id: metadata.causationId,
    summary,
  };
}
