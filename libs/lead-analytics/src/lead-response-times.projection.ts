import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent, type LeadEvent } from '#ltc/leads/domain';
import { leadIdChunks, upsertRows } from '#ltc/leads';

/** What speed-to-lead remembers of a lead between its events: its source and current assignment. */
export type LeadResponseSourceRow = {
  tenant_id: string;
  lead_id: string;
  source: string;
  /** The lead's latest assignment (0 before the first). */
  last_assignment_no: number;
};

/** One row per assignment of a lead: when it was made, due, and first contacted. */
export type LeadResponseTimeRow = {
  tenant_id: string;
  lead_id: string;
  assignment_no: number;
  /** The lead's capture source. */
  source: string;
  rep_id: string;
  method: string;
  assigned_at: string;
  response_due_at: string;
  first_contact_at: string | null;
  seconds_to_first_contact: number | null;
  /** 1 when the first contact came by `response_due_at`, 0 after; null until contacted. */
  within_target: number | null;
  /** When the assignment ended before any contact (reassigned, pooled, closed…); null otherwise. */
  ended_at: string | null;
  /** Why it ended: reassigned, pooled, recycled, archived, disqualified, converted. */
  ended_by: string | null;
};

export type LeadResponseTimesTables = {
  lead_response_sources: LeadResponseSourceRow;
  lead_response_times: LeadResponseTimeRow;
};

export const leadResponseTimesDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadResponseTimesTables>();

/** Events that end an assignment still waiting for its first contact, and the word for how. */
const ENDINGS: Partial<Record<LeadEvent['type'], string>> = {
  LeadPooled: 'pooled',
  LeadRecycled: 'recycled',
  LeadArchived: 'archived',
  LeadDisqualified: 'disqualified',
  LeadConverted: 'converted',
};

const EVENT_TYPES = ['LeadCaptured', 'LeadAssigned', 'LeadContactAttempted', ...Object.keys(ENDINGS)];

/**
 * Speed to lead (docs/domain.md › Leads › Speed and persistence: a web lead called within
 * 5 minutes is ~100× likelier to be reached than after 30): every assignment with its due
 * time and the first contact after it, so `GET /analytics/leads/speed-to-lead` can take
 * medians and percentiles over any window. Deterministic: every time comes from the events, none from the clock.
 */
export const leadResponseTimesProjection: Projection = {
  name: 'lead_response_times',
  version: 1,
  filter: { eventTypes: EVENT_TYPES },

  async setup(db) {
    await db.schema
      .createTable('lead_response_sources')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('last_assignment_no', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_response_sources_pk', ['tenant_id', 'lead_id'])
      .execute();
    await db.schema
      .createTable('lead_response_times')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('assignment_no', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('rep_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addColumn('response_due_at', 'text', (c) => c.notNull())
      .addColumn('first_contact_at', 'text')
      .addColumn('seconds_to_first_contact', 'integer')
      .addColumn('within_target', 'integer')
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'text')
      .addPrimaryKeyConstraint('lead_response_times_pk', ['tenant_id', 'lead_id', 'assignment_no'])
      .execute();
    for (const [name, columns] of [
      ['lead_response_times_by_time', ['tenant_id', 'assigned_at']],
      ['lead_response_times_by_rep', ['tenant_id', 'rep_id', 'assigned_at']],
      ['lead_response_times_by_source', ['tenant_id', 'source', 'assigned_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('lead_response_times')
        .columns([...columns])
        .execute();
    }
  },

  async reset(trx) {
    await sql`delete from lead_response_times`.execute(trx);
    await sql`delete from lead_response_sources`.execute(trx);
  },

  apply: (trx, event) => applyResponseTimes(trx, [event]),
  applyBatch: (trx, events) => applyResponseTimes(trx, events),
};

const leadKey = (tenantId: string, leadId: string): string => `${tenantId}\u0000${leadId}`;
const assignmentKey = (tenantId: string, leadId: string, no: number): string => `${tenantId}\u0000${leadId}\u0000${no}`;

/** The rows a batch reads and writes, folded in memory. */
class Fold {
  readonly leads = new Map<string, LeadResponseSourceRow>();
  readonly assignments = new Map<string, LeadResponseTimeRow>();
  readonly dirtyLeads = new Set<string>();
  readonly dirtyAssignments = new Set<string>();

  current(lead: LeadResponseSourceRow): LeadResponseTimeRow | undefined {
    return this.assignments.get(assignmentKey(lead.tenant_id, lead.lead_id, lead.last_assignment_no));
  }

  put(row: LeadResponseTimeRow): void {
    const key = assignmentKey(row.tenant_id, row.lead_id, row.assignment_no);
    this.assignments.set(key, row);
    this.dirtyAssignments.add(key);
  }

  /** Ends the lead's current assignment if it is still waiting for its first contact. */
  endWaiting(lead: LeadResponseSourceRow, at: string, by: string): void {
    const row = this.current(lead);
    if (row && row.first_contact_at === null && row.ended_at === null) this.put({ ...row, ended_at: at, ended_by: by });
  }
}

/**
 * Loads the touched leads and their assignments still waiting for a contact (the only
 * stored rows a later event can change) in a few queries, folds the batch in memory and
 * writes the changed rows back in bulk. `apply` runs the same code with one event.
 */
async function applyResponseTimes(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const leadEvents = events.flatMap((recorded) => {
    const event = asLeadEvent(recorded);
    return event ? [{ tenantId: recorded.metadata.tenantId, event }] : [];
  });
  if (leadEvents.length === 0) return;
  const fold = new Fold();
  const tables = leadResponseTimesDb(trx);
  for (const { tenantId, leadIds } of leadIdChunks(
    leadEvents.map((e) => ({ tenantId: e.tenantId, leadId: e.event.data.leadId })),
  )) {
    const leads = await tables
      .selectFrom('lead_response_sources')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('lead_id', 'in', leadIds)
      .execute();
    for (const row of leads) {
      fold.leads.set(leadKey(row.tenant_id, row.lead_id), {
        ...row,
        last_assignment_no: Number(row.last_assignment_no),
      });
    }
    const waiting = await tables
      .selectFrom('lead_response_times')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('lead_id', 'in', leadIds)
      .where('first_contact_at', 'is', null)
      .where('ended_at', 'is', null)
      .execute();
    for (const row of waiting) {
      const assignmentNo = Number(row.assignment_no);
      fold.assignments.set(assignmentKey(row.tenant_id, row.lead_id, assignmentNo), {
        ...row,
        assignment_no: assignmentNo,
      });
    }
  }
  for (const { tenantId, event } of leadEvents) foldEvent(fold, tenantId, event);
  await upsertRows(
    trx,
    'lead_response_sources',
    [...fold.dirtyLeads].flatMap((key) => fold.leads.get(key) ?? []),
    ['tenant_id', 'lead_id'],
    ['source', 'last_assignment_no'],
  );
  await upsertRows(
    trx,
    'lead_response_times',
    [...fold.dirtyAssignments].flatMap((key) => fold.assignments.get(key) ?? []),
    ['tenant_id', 'lead_id', 'assignment_no'],
    [
      'source',
      'rep_id',
      'method',
      'assigned_at',
      'response_due_at',
      'first_contact_at',
      'seconds_to_first_contact',
      'within_target',
      'ended_at',
      'ended_by',
    ],
  );
}

function foldEvent(fold: Fold, tenantId: string, event: LeadEvent): void {
  const key = leadKey(tenantId, event.data.leadId);
  const lead = fold.leads.get(key);
  if (event.type === 'LeadCaptured') {
    // The first capture names the source; a repeated capture event changes nothing.
    if (lead) return;
    fold.leads.set(key, {
      tenant_id: tenantId,
      lead_id: event.data.leadId,
      source: event.data.source,
      last_assignment_no: 0,
    });
    fold.dirtyLeads.add(key);
    return;
  }
  // A lead never seen captured in this tenant is not tracked.
  if (!lead) return;
  switch (event.type) {
    case 'LeadAssigned': {
      const d = event.data;
      fold.endWaiting(lead, d.at, 'reassigned');
      fold.put({
        tenant_id: tenantId,
        lead_id: d.leadId,
        assignment_no: d.assignmentNo,
        source: lead.source,
        rep_id: d.repId,
        method: d.method,
        assigned_at: d.at,
        response_due_at: d.responseDueAt,
        first_contact_at: null,
        seconds_to_first_contact: null,
        within_target: null,
        ended_at: null,
        ended_by: null,
      });
      fold.leads.set(key, { ...lead, last_assignment_no: d.assignmentNo });
      fold.dirtyLeads.add(key);
      return;
    }
    case 'LeadContactAttempted': {
      const row = fold.current(lead);
      // Only the first attempt of an assignment counts; later ones find it contacted.
      if (!row || row.first_contact_at !== null || row.ended_at !== null) return;
      const d = event.data;
      const seconds =
        d.secondsSinceAssignment ?? Math.max(0, Math.round((Date.parse(d.at) - Date.parse(row.assigned_at)) / 1000));
      fold.put({
        ...row,
        first_contact_at: d.at,
        seconds_to_first_contact: seconds,
        within_target: Date.parse(d.at) <= Date.parse(row.response_due_at) ? 1 : 0,
      });
      return;
    }
    default: {
      const endedBy = ENDINGS[event.type];
      if (endedBy !== undefined) fold.endWaiting(lead, event.data.at, endedBy);
    }
  }
}
