import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent } from '../domain/lead-event.js';
import type { LeadEvent } from '../domain/lead.events.js';

/** Row shape of `lead_list`: one row per lead, everything the lists, filters and detail need. */
export type LeadListRow = {
  tenant_id: string;
  lead_id: string;
  status: string;
  name: string;
  company: string | null;
  contact_person: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  region: string | null;
  language: string | null;
  industry: string | null;
  estimated_deal_size: number | null;
  direction: string;
  notes: string | null;
  complete: number;
  score: number | null;
  tier: string | null;
  model_version: number | null;
  score_breakdown: string | null;
  owner_id: string | null;
  assignment_method: string | null;
  assignment_reason: string | null;
  assigned_at: string | null;
  response_due_at: string | null;
  first_contact_at: string | null;
  attempts: number;
  attempt_target: number | null;
  /** none (no owner yet) · pending · warning · breached · met · missed (first contact came after a breach). */
  sla_state: string;
  pool_method: string | null;
  offer_rep_id: string | null;
  offer_expires_at: string | null;
  /** JSON array of `category:tag`. */
  tags: string;
  /** `|category:tag|…|` for an indexed-free LIKE filter. */
  tags_index: string;
  touches: number;
  interactions: number;
  qualified_at: string | null;
  disqualify_reason: string | null;
  reactivate_on: string | null;
  deal_id: string | null;
  captured_at: string;
  updated_at: string;
  revision: string;
  search_text: string;
};

export type LeadListTables = { lead_list: LeadListRow };

export const leadListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadListTables>();

/** The lead list, detail, pool and per-rep work lists (`GET /leads…`, `GET /reps/{id}/leads`). */
export const leadListProjection: Projection = {
  name: 'lead_list',
  version: 3,
  filter: { streamPrefixes: ['lead-'] },

  async setup(db) {
    await db.schema
      .createTable('lead_list')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company', 'text')
      .addColumn('contact_person', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('language', 'text')
      .addColumn('industry', 'text')
      .addColumn('estimated_deal_size', 'double precision')
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('complete', 'integer', (c) => c.notNull())
      .addColumn('score', 'integer')
      .addColumn('tier', 'text')
      .addColumn('model_version', 'integer')
      .addColumn('score_breakdown', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('assignment_method', 'text')
      .addColumn('assignment_reason', 'text')
      .addColumn('assigned_at', 'text')
      .addColumn('response_due_at', 'text')
      .addColumn('first_contact_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('attempt_target', 'integer')
      .addColumn('sla_state', 'text', (c) => c.notNull())
      .addColumn('pool_method', 'text')
      .addColumn('offer_rep_id', 'text')
      .addColumn('offer_expires_at', 'text')
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('tags_index', 'text', (c) => c.notNull())
      .addColumn('touches', 'integer', (c) => c.notNull())
      .addColumn('interactions', 'integer', (c) => c.notNull())
      .addColumn('qualified_at', 'text')
      .addColumn('disqualify_reason', 'text')
      .addColumn('reactivate_on', 'text')
      .addColumn('deal_id', 'text')
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_list_pk', ['tenant_id', 'lead_id'])
      .execute();
    for (const [name, columns] of [
      ['lead_list_by_capture', ['tenant_id', 'captured_at']],
      ['lead_list_by_owner', ['tenant_id', 'owner_id', 'status']],
      ['lead_list_by_status', ['tenant_id', 'status', 'captured_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('lead_list')
        .columns([...columns])
        .execute();
    }
  },

  async reset(trx) {
    await sql`delete from lead_list`.execute(trx);
  },

  apply(trx, recorded) {
    return applyLeadListBatch(trx, [recorded]);
  },

  applyBatch: (trx, events) => applyLeadListBatch(trx, events),
};

const ROWS_PER_STATEMENT = 200;

/**
 * Loads the rows a batch touches in one query, folds the batch in memory and writes the
 * changed rows back with one multi-row upsert per 200 rows: a rebuild costs a few
 * statements per batch instead of two per event.
 */
async function applyLeadListBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const leadEvents = events.flatMap((recorded) => {
    const event = asLeadEvent(recorded);
    return event ? [{ recorded, event }] : [];
  });
  if (leadEvents.length === 0) return;
  const key = (tenantId: string, leadId: string): string => `${tenantId}\u0000${leadId}`;
  const rows = new Map<string, LeadListRow>();
  const ids = [...new Set(leadEvents.filter((e) => e.event.type !== 'LeadCaptured').map((e) => e.event.data.leadId))];
  for (let i = 0; i < ids.length; i += 500) {
    const found = await leadListDb(trx)
      .selectFrom('lead_list')
      .selectAll()
      .where('lead_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of found) rows.set(key(row.tenant_id, row.lead_id), row);
  }
  const dirty = new Set<string>();
  for (const { recorded, event } of leadEvents) {
    const id = key(recorded.metadata.tenantId, event.data.leadId);
    if (event.type === 'LeadCaptured') {
      rows.set(id, capturedRow(recorded, event.data));
    } else {
      const row = rows.get(id);
      if (!row) continue;
      rows.set(id, {
        ...row,
        ...changesFor(event, row),
        updated_at: recorded.recordedAt.toISOString(),
        revision: recorded.revision.toString(),
      });
    }
    dirty.add(id);
  }
  const changed = [...dirty].flatMap((id) => rows.get(id) ?? []);
  for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
    await leadListDb(trx)
      .insertInto('lead_list')
      .values(changed.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict.columns(['tenant_id', 'lead_id']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const column of UPDATABLE_COLUMNS) set[column] = eb.ref(`excluded.${column}`);
          return set;
        }),
      )
      .execute();
  }
}

function capturedRow(recorded: RecordedEvent, d: Extract<LeadEvent, { type: 'LeadCaptured' }>['data']): LeadListRow {
  return {
    tenant_id: recorded.metadata.tenantId,
    lead_id: d.leadId,
    status: 'new',
    name: d.name,
    company: d.company,
    contact_person: d.contact.person,
    email: d.contact.email,
    phone: d.contact.phone,
    source: d.source,
    region: d.region,
    language: d.language ?? null,
    industry: d.industry ?? null,
    estimated_deal_size: d.estimatedDealSize ?? null,
    direction: d.direction ?? 'inbound',
    notes: d.notes ?? null,
    complete: d.complete ? 1 : 0,
    score: null,
    tier: null,
    model_version: null,
    score_breakdown: null,
    owner_id: null,
    assignment_method: null,
    assignment_reason: null,
    assigned_at: null,
    response_due_at: null,
    first_contact_at: null,
    attempts: 0,
    attempt_target: null,
    sla_state: 'none',
    pool_method: null,
    offer_rep_id: null,
    offer_expires_at: null,
    tags: '[]',
    tags_index: '|',
    touches: 0,
    interactions: 0,
    qualified_at: null,
    disqualify_reason: null,
    reactivate_on: null,
    deal_id: null,
    captured_at: d.capturedAt,
    updated_at: d.capturedAt,
    revision: recorded.revision.toString(),
    search_text: [d.name, d.company, d.contact.person, d.contact.email, d.contact.phone]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
  };
}

/** Every column but the key, kept in one list so the bulk upsert never forgets one. */
const UPDATABLE_COLUMNS = [
  'status',
  'name',
  'company',
  'contact_person',
  'email',
  'phone',
  'source',
  'region',
  'language',
  'industry',
  'estimated_deal_size',
  'direction',
  'notes',
  'complete',
  'score',
  'tier',
  'model_version',
  'score_breakdown',
  'owner_id',
  'assignment_method',
  'assignment_reason',
  'assigned_at',
  'response_due_at',
  'first_contact_at',
  'attempts',
  'attempt_target',
  'sla_state',
  'pool_method',
  'offer_rep_id',
  'offer_expires_at',
  'tags',
  'tags_index',
  'touches',
  'interactions',
  'qualified_at',
  'disqualify_reason',
  'reactivate_on',
  'deal_id',
  'captured_at',
  'updated_at',
  'revision',
  'search_text',
] as const satisfies readonly Exclude<keyof LeadListRow, 'tenant_id' | 'lead_id'>[];

type Changes = Partial<Omit<LeadListRow, 'tenant_id' | 'lead_id'>>;

function changesFor(event: Exclude<LeadEvent, { type: 'LeadCaptured' }>, row: LeadListRow): Changes {
  switch (event.type) {
    case 'LeadTouchRecorded':
      return { touches: row.touches + 1 };
    case 'LeadInteractionRecorded':
      return { interactions: row.interactions + 1 };
    case 'LeadTagged':
    case 'LeadUntagged': {
      const tag = `${event.data.category}:${event.data.tag}`;
      const current = (JSON.parse(row.tags) as string[]).filter((t) => t !== tag);
      const tags = event.type === 'LeadTagged' ? [...current, tag] : current;
      return { tags: JSON.stringify(tags), tags_index: `|${tags.map((t) => `${t}|`).join('')}` };
    }
    case 'LeadScored':
      return {
        score: event.data.score,
        tier: event.data.tier,
        model_version: event.data.modelVersion,
        attempt_target: event.data.attemptTarget,
        score_breakdown: JSON.stringify(event.data.breakdown),
      };
    case 'LeadAssigned':
      return {
        status: row.qualified_at ? 'qualified' : 'assigned',
        owner_id: event.data.repId,
        assignment_method: event.data.method,
        assignment_reason: event.data.reason,
        assigned_at: event.data.at,
        response_due_at: event.data.responseDueAt,
        first_contact_at: null,
        sla_state: 'pending',
        pool_method: null,
        offer_rep_id: null,
        offer_expires_at: null,
      };
    case 'LeadPooled':
      return { status: 'pooled', owner_id: null, pool_method: event.data.method, sla_state: 'none' };
    case 'LeadOffered':
      return { status: 'offered', offer_rep_id: event.data.repId, offer_expires_at: event.data.expiresAt };
    case 'LeadOfferDeclined':
    case 'LeadOfferExpired':
      return { status: 'new', offer_rep_id: null, offer_expires_at: null };
    case 'LeadContactAttempted': {
      const first = row.first_contact_at === null;
      const slaState = !first ? row.sla_state : row.sla_state === 'breached' ? 'missed' : 'met';
      return {
        status: row.status === 'assigned' ? 'working' : row.status,
        attempts: event.data.attemptNo,
        first_contact_at: row.first_contact_at ?? event.data.at,
        sla_state: slaState,
      };
    }
    case 'LeadResponseWarning':
      return row.sla_state === 'pending' ? { sla_state: 'warning' } : {};
    case 'LeadResponseSlaBreached':
      return { sla_state: 'breached' };
    case 'LeadQualified':
      return { status: 'qualified', qualified_at: event.data.at };
    case 'LeadDisqualified':
      return { status: 'disqualified', disqualify_reason: event.data.reasonCode, offer_rep_id: null };
    case 'LeadNurtured':
      return { status: 'nurturing', reactivate_on: event.data.reactivateOn };
    case 'LeadReactivated':
      return { status: reactivatedStatus(row), reactivate_on: null };
    case 'LeadRecycleWarning':
      return {};
    case 'LeadRecycled':
      return { status: 'recycled', owner_id: null, sla_state: 'none', pool_method: null };
    case 'LeadArchived':
      return { status: 'archived', owner_id: null };
    case 'LeadConverted':
      return { status: 'converted', deal_id: event.data.dealId };
  }
}

function reactivatedStatus(row: LeadListRow): string {
  if (!row.owner_id) return 'new';
  if (row.qualified_at) return 'qualified';
  return row.first_contact_at ? 'working' : 'assigned';
}
