import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { addMissingColumns, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent, type LeadEvent } from '#ltc/leads/domain';
import { leadIdChunks, upsertRows } from '#ltc/leads';

/**
 * One row per lead: its capture source and date, and when it reached each outcome. A
 * lead's outcome stays with its capture source and date, so a window of capture dates is
 * a cohort ("of the leads captured in March, how many converted").
 */
export type LeadFunnelRow = {
  tenant_id: string;
  lead_id: string;
  source: string;
  captured_at: string;
  qualified_at: string | null;
  converted_at: string | null;
  disqualified_at: string | null;
  disqualify_reason: string | null;
  /** The latest score's tier (A, B, C); null before the first score. */
  tier: string | null;
  /** How the lead was first assigned (round_robin, manual, …); null while never assigned. */
  first_method: string | null;
  first_assigned_at: string | null;
  /** The first contact attempt, of any outcome. */
  first_contact_at: string | null;
  /** Contact attempts made, of any outcome. */
  attempts: number;
};

export type LeadFunnelTables = { lead_funnel: LeadFunnelRow };

export const leadFunnelDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadFunnelTables>();

const OUTCOME_COLUMNS = [
  'source',
  'captured_at',
  'qualified_at',
  'converted_at',
  'disqualified_at',
  'disqualify_reason',
  'tier',
  'first_method',
  'first_assigned_at',
  'first_contact_at',
  'attempts',
] as const satisfies readonly (keyof LeadFunnelRow)[];

/** Added in version 2 (conversion by tier, method, response time and attempts). */
const V2_COLUMNS = [
  ['tier', 'text'],
  ['first_method', 'text'],
  ['first_assigned_at', 'text'],
  ['first_contact_at', 'text'],
  ['attempts', 'integer'],
] as const;

/**
 * Conversion by source (docs/domain.md › Leads › Conversion: ~13 % of leads become opportunities on average, with
 * large differences between sources). `source_conversion` keeps running totals for
 * scoring, without dates or the other outcomes; this keeps the lead-level facts a window
 * by capture date and the disqualification reasons need.
 */
export const leadFunnelProjection: Projection = {
  name: 'lead_funnel',
  // 2: tier, first assignment and its method, first contact, attempts.
  version: 2,
  filter: {
    eventTypes: [
      'LeadCaptured',
      'LeadQualified',
      'LeadDisqualified',
      'LeadConverted',
      'LeadScored',
      'LeadAssigned',
      'LeadContactAttempted',
    ],
  },

  async setup(db) {
    await db.schema
      .createTable('lead_funnel')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .addColumn('qualified_at', 'text')
      .addColumn('converted_at', 'text')
      .addColumn('disqualified_at', 'text')
      .addColumn('disqualify_reason', 'text')
      .addColumn('tier', 'text')
      .addColumn('first_method', 'text')
      .addColumn('first_assigned_at', 'text')
      .addColumn('first_contact_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('lead_funnel_pk', ['tenant_id', 'lead_id'])
      .execute();
    await addMissingColumns(db, 'lead_funnel', V2_COLUMNS);
    for (const [name, columns] of [
      ['lead_funnel_by_capture', ['tenant_id', 'captured_at']],
      ['lead_funnel_by_source', ['tenant_id', 'source', 'captured_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('lead_funnel')
        .columns([...columns])
        .execute();
    }
  },

  async reset(trx) {
    await sql`delete from lead_funnel`.execute(trx);
  },

  apply: (trx, event) => applyFunnel(trx, [event]),
  applyBatch: (trx, events) => applyFunnel(trx, events),
};

const key = (tenantId: string, leadId: string): string => `${tenantId}\u0000${leadId}`;

/** Loads the batch's leads in one query per tenant and 500 leads, folds in memory, writes the changed rows in bulk. */
async function applyFunnel(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const leadEvents = events.flatMap((recorded) => {
    const event = asLeadEvent(recorded);
    return event ? [{ tenantId: recorded.metadata.tenantId, event }] : [];
  });
  if (leadEvents.length === 0) return;
  const rows = new Map<string, LeadFunnelRow>();
  for (const { tenantId, leadIds } of leadIdChunks(
    leadEvents.map((e) => ({ tenantId: e.tenantId, leadId: e.event.data.leadId })),
  )) {
    const found = await leadFunnelDb(trx)
      .selectFrom('lead_funnel')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('lead_id', 'in', leadIds)
      .execute();
    for (const row of found) rows.set(key(row.tenant_id, row.lead_id), row);
  }
  const dirty = new Set<string>();
  for (const { tenantId, event } of leadEvents) {
    const id = key(tenantId, event.data.leadId);
    const next = evolveFunnel(rows.get(id), tenantId, event);
    if (next === undefined) continue;
    rows.set(id, next);
    dirty.add(id);
  }
  await upsertRows(
    trx,
    'lead_funnel',
    [...dirty].flatMap((id) => rows.get(id) ?? []),
    ['tenant_id', 'lead_id'],
    OUTCOME_COLUMNS,
  );
}

/** The row after the event, or undefined when it changes nothing. Each outcome keeps its first time. */
function evolveFunnel(row: LeadFunnelRow | undefined, tenantId: string, event: LeadEvent): LeadFunnelRow | undefined {
  if (event.type === 'LeadCaptured') {
    if (row) return undefined;
    return {
      tenant_id: tenantId,
      lead_id: event.data.leadId,
      source: event.data.source,
      captured_at: event.data.capturedAt,
      qualified_at: null,
      converted_at: null,
      disqualified_at: null,
      disqualify_reason: null,
      tier: null,
      first_method: null,
      first_assigned_at: null,
      first_contact_at: null,
      attempts: 0,
    };
  }
  // A lead never seen captured in this tenant has no source to count it under.
  if (!row) return undefined;
  switch (event.type) {
    case 'LeadQualified':
      return row.qualified_at === null ? { ...row, qualified_at: event.data.at } : undefined;
    case 'LeadConverted':
      return row.converted_at === null ? { ...row, converted_at: event.data.at } : undefined;
    case 'LeadDisqualified':
      return row.disqualified_at === null
        ? { ...row, disqualified_at: event.data.at, disqualify_reason: event.data.reasonCode }
        : undefined;
    case 'LeadScored':
      return row.tier === event.data.tier ? undefined : { ...row, tier: event.data.tier };
    case 'LeadAssigned':
      return row.first_assigned_at === null
        ? { ...row, first_assigned_at: event.data.at, first_method: event.data.method }
        : undefined;
    case 'LeadContactAttempted':
      return {
        ...row,
        attempts: Number(row.attempts) + 1,
        first_contact_at: row.first_contact_at ?? event.data.at,
      };
    default:
      return undefined;
  }
}
