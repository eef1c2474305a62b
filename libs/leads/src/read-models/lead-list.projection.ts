import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { majorUnits, type Money } from '#ltc/kernel';
import { ERASED, dataSubjectStream, erasedSubjectOf } from '#ltc/personal-data';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { leadIdChunks } from './batch-rows.js';
import {
  createLeadListIndexes,
  createLeadListTable,
  dropLeadListIndexes,
  leadListDb,
  type LeadListRow,
} from './lead-list.table.js';
import { resetLeadListSideTables } from './lead-list.side-tables.js';
import { saveLeadRows } from './lead-list.writes.js';
import { asLeadEvent } from '../domain/lead-event.js';
import type { LeadEvent } from '../domain/lead.events.js';
import { leadContactSubject, leadOfSubject } from '../lead-personal-data.js';

/** The lead list, detail, pool and per-rep work lists (`GET /leads…`, `GET /reps/{id}/leads`). */
export const leadListProjection: Projection = {
  name: 'lead_list',
  // 6: indexes for every filter, full-text search, tag and count tables (ADR 0012).
  // 8: the service ticket a lead was raised from (`raised_from_ticket`).
  version: 8,
  // A lead contact's erasure (`dataSubject-lead-…`) blanks what the row keeps of the person.
  filter: { streamPrefixes: ['lead-', dataSubjectStream(leadContactSubject(''))] },

  setup: createLeadListTable,

  async reset(trx) {
    await sql`delete from lead_list`.execute(trx);
    await resetLeadListSideTables(trx);
  },

  apply(trx, recorded) {
    return applyLeadListBatch(trx, [recorded]);
  },

  applyBatch: (trx, events) => applyLeadListBatch(trx, events),

  deferredIndexes: { drop: dropLeadListIndexes, create: createLeadListIndexes },
};

/**
 * Loads the rows a batch touches with one query per tenant and 500 leads (by the primary
 * key: `tenant_id` first, or every batch would read the whole table), folds the batch in
 * memory and writes the changed rows back in bulk: a rebuild costs a few statements per
 * batch instead of two per event. The rows as loaded travel with the new ones so the
 * tag and count tables can be adjusted by difference.
 */
async function applyLeadListBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const leadEvents = events.flatMap((recorded) => {
    const event = asLeadEvent(recorded) ?? contactErasure(recorded);
    return event ? [{ recorded, event }] : [];
  });
  if (leadEvents.length === 0) return;
  const key = (tenantId: string, leadId: string): string => `${tenantId}\u0000${leadId}`;
  const stored = new Map<string, LeadListRow>();
  for (const { tenantId, leadIds } of leadIdChunks(
    leadEvents.map((e) => ({ tenantId: e.recorded.metadata.tenantId, leadId: e.event.data.leadId })),
  )) {
    const found = await leadListDb(trx)
      .selectFrom('lead_list')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('lead_id', 'in', leadIds)
      .execute();
    for (const row of found) stored.set(key(row.tenant_id, row.lead_id), row);
  }
  // Each row the batch changes is copied once and then changed in place: a rebuild folds
  // millions of events, and a fresh 47-column object per event kept the collector busy.
  const changed = new Map<string, LeadListRow>();
  for (const { recorded, event } of leadEvents) {
    const id = key(recorded.metadata.tenantId, event.data.leadId);
    if (event.type === 'LeadCaptured') {
      changed.set(id, capturedRow(recorded, event.data));
      continue;
    }
    let row = changed.get(id);
    if (!row) {
      const before = stored.get(id);
      if (!before) continue;
      row = { ...before };
      changed.set(id, row);
    }
    if (event.type === 'LeadContactErased') Object.assign(row, erasedContact(row));
    else applyLeadEvent(row, recorded, event);
  }
  await saveLeadRows(
    trx,
    [...changed].map(([id, after]) => ({ before: stored.get(id), after })),
  );
}

/** A lead contact's `DataSubjectErased`, as the fold of the list reads it. */
interface LeadContactErased {
  readonly type: 'LeadContactErased';
  readonly data: { readonly leadId: string };
}

function contactErasure(recorded: RecordedEvent): LeadContactErased | undefined {
  const subject = erasedSubjectOf(recorded);
  const leadId = subject === undefined ? undefined : leadOfSubject(subject);
  return leadId === undefined ? undefined : { type: 'LeadContactErased', data: { leadId } };
}

/**
 * The personal values of the row as a rebuild after the erasure reads them (the key is gone,
 * every one is `[erased]`), so the live row and a rebuilt one agree. The row's revision is the
 * lead stream's and stays.
 */
function erasedContact(row: LeadListRow): Changes {
  const erased = (value: string | null): string | null => (value === null ? null : ERASED);
  return withSearchText(row, {
    contact_person: erased(row.contact_person),
    email: erased(row.email),
    phone: erased(row.phone),
    notes: erased(row.notes),
  });
}

/** A later event of the lead changes its row in place. */
function applyLeadEvent(
  row: LeadListRow,
  recorded: RecordedEvent,
  event: Exclude<LeadEvent, { type: 'LeadCaptured' }>,
): void {
  Object.assign(row, changesFor(event, row));
  row.updated_at = recorded.recordedAt.toISOString();
  row.revision = recorded.revision.toString();
}

/**
 * One lead's row as the list folds its events (in stream order): the detail of the lead as it
 * stood after them, e.g. as of an instant (`GET /leads/{id}?asOf=`). Undefined before its capture.
 */
export function foldLeadRow(events: readonly RecordedEvent[]): LeadListRow | undefined {
  let row: LeadListRow | undefined;
  for (const recorded of events) {
    const event = asLeadEvent(recorded);
    if (!event) continue;
    if (event.type === 'LeadCaptured') row = capturedRow(recorded, event.data);
    else if (row) applyLeadEvent(row, recorded, event);
  }
  return row;
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
    ...dealSizeColumns(d.estimatedDealSize ?? null),
    team: d.team ?? null,
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
    raised_from_ticket: d.raisedFromTicket ?? null,
    captured_at: d.capturedAt,
    updated_at: d.capturedAt,
    revision: recorded.revision.toString(),
    search_text: searchTextOf(d.name, d.company, d.contact.person, d.contact.email, d.contact.phone),
  };
}

function dealSizeColumns(
  size: Money | null,
): Pick<LeadListRow, 'estimated_deal_size' | 'deal_size_minor' | 'deal_size_currency'> {
  return {
    estimated_deal_size: size ? majorUnits(size) : null,
    deal_size_minor: size?.amountMinor ?? null,
    deal_size_currency: size?.currency ?? null,
  };
}

function detailColumns(c: Extract<LeadEvent, { type: 'LeadDetailsEdited' }>['data']['changes']): Changes {
  return {
    ...(c.name ? { name: c.name.after } : {}),
    ...(c.company ? { company: c.company.after } : {}),
    ...(c.contactPerson ? { contact_person: c.contactPerson.after } : {}),
    ...(c.region ? { region: c.region.after } : {}),
    ...(c.language ? { language: c.language.after } : {}),
    ...(c.industry ? { industry: c.industry.after } : {}),
    ...(c.estimatedDealSize ? dealSizeColumns(c.estimatedDealSize.after) : {}),
    ...(c.notes ? { notes: c.notes.after } : {}),
  };
}

/** Search covers name, company, person, email and phone: recomputed when one of them changes. */
function withSearchText(row: LeadListRow, changes: Changes): Changes {
  const next = { ...row, ...changes };
  return {
    ...changes,
    search_text: searchTextOf(next.name, next.company, next.contact_person, next.email, next.phone),
  };
}

function searchTextOf(...parts: (string | null)[]): string {
  return parts.filter(Boolean).join(' ').toLowerCase();
}

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
    case 'LeadResponseRetargeted':
      return { response_due_at: event.data.responseDueAt };
    case 'LeadTeamSet':
      return { team: event.data.team };
    case 'LeadQualified':
      return { status: 'qualified', qualified_at: event.data.at };
    case 'LeadDisqualified':
      return { status: 'disqualified', disqualify_reason: event.data.reasonCode, offer_rep_id: null };
    case 'LeadNurtured':
      return { status: 'nurturing', reactivate_on: event.data.reactivateOn };
    case 'LeadReactivated':
      return { status: reactivatedStatus(row), reactivate_on: null };
    case 'LeadRecycleWarning':
    case 'LeadCaptureVoided':
    case 'LeadRoutingDeferred': // the unassigned queue shows it (routing/unassigned-queue.projection.ts)
      return {};
    case 'LeadDetailsEdited':
      return withSearchText(row, detailColumns(event.data.changes));
    case 'LeadContactChanged': {
      const { email, phone, complete } = event.data;
      return withSearchText(row, {
        ...(email ? { email: email.after } : {}),
        ...(phone ? { phone: phone.after } : {}),
        complete: complete ? 1 : 0,
      });
    }
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
