import type { RecordedEvent } from '#ltc/event-store';
import { dataSubjectStream, erasedSubjectOf } from '#ltc/personal-data';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { upsertMany } from '#ltc/projections';
import { parseTicketEvent } from '../domain/ticket-event.js';
import { ticketContactSubject, ticketOfSubject } from '../ticket-personal-data.js';
import { acceptedTicketRow, audienceRowsOf, erasedContactRow, ticketRowAfter } from './service-tickets.fold.js';
import {
  createServiceTicketTables,
  resetServiceTickets,
  serviceTicketsDb,
  type ServiceTicketAudienceRow,
  type ServiceTicketCallbackRow,
  type ServiceTicketRow,
} from './service-tickets.table.js';
import { parsedTicketEvents, ticketIdsByTenant, ticketKey } from './ticket-batch.js';

/** One row per ticket, and who sees it: the ticket lists, queues, histories and SLA analytics read them. */
export const serviceTicketsProjection: Projection = {
  name: 'service_tickets',
  version: 1,
  // A ticket contact's erasure (`dataSubject-ticket-…`) blanks what the row keeps of the person.
  filter: { streamPrefixes: ['ticket-', dataSubjectStream(ticketContactSubject(''))] },
  setup: createServiceTicketTables,
  reset: resetServiceTickets,
  apply: (trx, recorded) => applyTicketBatch(trx, [recorded]),
  applyBatch: applyTicketBatch,
};

/** Tickets per read of the rows a batch touches: keeps the `in (…)` list short on both dialects. */
const CHUNK = 500;

const COLUMNS = [
  'tenant_id',
  'ticket_id',
  'status',
  'priority',
  'impact',
  'urgency',
  'line',
  'group_id',
  'engineer_id',
  'channel',
  'customer_account',
  'contract_id',
  'product',
  'category',
  'subject',
  'accepted_at',
  'accepted_by',
  ...(['response', 'resolution'] as const).flatMap(
    (clock) =>
      [
        `${clock}_state`,
        `${clock}_plan`,
        `${clock}_target_ms`,
        `${clock}_elapsed_ms`,
        `${clock}_warn_at`,
        `${clock}_breach_at`,
        `${clock}_warned`,
        `${clock}_breached`,
        `${clock}_breached_at`,
        `${clock}_met_at`,
        `${clock}_within_target`,
      ] as const,
  ),
  'next_breach_at',
  'queue_key',
  'at_risk',
  'breached',
  'responded_at',
  'resolved_at',
  'resolved_within_target',
  'closed_at',
  'satisfaction',
  'reopen_count',
  'follow_up_of',
  'policy_id',
  'policy_version',
  'task_groups',
  'task_engineers',
  'deal_team',
  'search_text',
  'updated_at',
  'revision',
] as const satisfies readonly (keyof ServiceTicketRow)[];

const INTEGER_COLUMNS = [
  'line',
  'response_plan',
  'response_warned',
  'response_breached',
  'response_within_target',
  'resolution_plan',
  'resolution_warned',
  'resolution_breached',
  'resolution_within_target',
  'at_risk',
  'breached',
  'resolved_within_target',
  'satisfaction',
  'reopen_count',
  'policy_version',
] as const;

const TICKET_SHAPE = {
  table: 'service_tickets',
  columns: COLUMNS,
  key: ['tenant_id', 'ticket_id'],
  update: COLUMNS.filter((column) => column !== 'tenant_id' && column !== 'ticket_id'),
  pgTypes: {
    ...Object.fromEntries(INTEGER_COLUMNS.map((column) => [column, 'integer'])),
    response_target_ms: 'bigint',
    response_elapsed_ms: 'bigint',
    resolution_target_ms: 'bigint',
    resolution_elapsed_ms: 'bigint',
  },
} as const;

const AUDIENCE_SHAPE = {
  table: 'service_ticket_audience',
  columns: ['tenant_id', 'member_kind', 'member_id', 'ticket_id'],
  key: ['tenant_id', 'ticket_id', 'member_kind', 'member_id'],
  update: [],
} as const;

const CALLBACK_SHAPE = {
  table: 'service_ticket_callbacks',
  columns: ['tenant_id', 'ticket_id', 'revision', 'satisfaction', 'group_id', 'engineer_id', 'category', 'called_at'],
  key: ['tenant_id', 'ticket_id', 'revision'],
  // A redelivered callback is the same row.
  update: [],
  pgTypes: { satisfaction: 'integer' },
} as const;

/** A ticket contact's `DataSubjectErased`, as the ticket rows fold it. */
interface TicketContactErased {
  readonly type: 'TicketContactErased';
  readonly data: { readonly ticketId: string };
}

function contactErasure(recorded: RecordedEvent): TicketContactErased | undefined {
  const ticketId = ticketOfSubject(erasedSubjectOf(recorded) ?? '');
  return ticketId === undefined ? undefined : { type: 'TicketContactErased', data: { ticketId } };
}

const ticketEventOrErasure = (recorded: RecordedEvent) => parseTicketEvent(recorded) ?? contactErasure(recorded);

/**
 * Loads the rows a batch touches once (per tenant, by the primary key), folds the batch in
 * memory and writes the changed rows back in bulk, with their audience rows replaced. `apply`
 * is this with a batch of one, so both leave the same rows.
 */
async function applyTicketBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const parsed = parsedTicketEvents(events, ticketEventOrErasure);
  if (parsed.length === 0) return;
  const db = serviceTicketsDb(trx);
  const byTenant = ticketIdsByTenant(parsed);
  const rows = new Map<string, ServiceTicketRow>();
  for (const [tenantId, ids] of byTenant) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await db
        .selectFrom('service_tickets')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of found) rows.set(ticketKey(row.tenant_id, row.ticket_id), row);
    }
  }
  const changed = new Set<string>();
  const callbacks: ServiceTicketCallbackRow[] = [];
  for (const { tenantId, recorded, event } of parsed) {
    const key = ticketKey(tenantId, event.data.ticketId);
    const before = rows.get(key);
    if (event.type === 'TicketAccepted') {
      // A redelivered acceptance changes nothing of a ticket already under way.
      if (before) continue;
      rows.set(key, acceptedTicketRow(tenantId, recorded.revision, event));
    } else if (event.type === 'TicketContactErased') {
      if (!before) continue;
      rows.set(key, erasedContactRow(before));
    } else {
      if (!before) continue;
      const after = ticketRowAfter(before, event, recorded.revision);
      rows.set(key, after);
      if (event.type === 'TicketCallbackRecorded') callbacks.push(callbackRowOf(after, event.data.satisfaction));
    }
    changed.add(key);
  }
  const written = [...changed].flatMap((key) => {
    const row = rows.get(key);
    return row ? [row] : [];
  });
  await upsertMany(trx, TICKET_SHAPE, written);
  await replaceAudience(trx, written);
  await upsertMany(trx, CALLBACK_SHAPE, callbacks);
}

/** The callback with the ticket's owner and category as they stand when the customer is called. */
const callbackRowOf = (row: ServiceTicketRow, satisfaction: number): ServiceTicketCallbackRow => ({
  tenant_id: row.tenant_id,
  ticket_id: row.ticket_id,
  revision: row.revision,
  satisfaction,
  group_id: row.group_id,
  engineer_id: row.engineer_id,
  category: row.category,
  called_at: row.updated_at,
});

async function replaceAudience(trx: ReadModelTransaction, written: readonly ServiceTicketRow[]): Promise<void> {
  const db = serviceTicketsDb(trx);
  const idsByTenant = new Map<string, string[]>();
  for (const row of written) idsByTenant.set(row.tenant_id, [...(idsByTenant.get(row.tenant_id) ?? []), row.ticket_id]);
  for (const [tenantId, ids] of idsByTenant) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .deleteFrom('service_ticket_audience')
        .where('tenant_id', '=', tenantId)
        .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
    }
  }
  const audience: ServiceTicketAudienceRow[] = written.flatMap(audienceRowsOf);
  await upsertMany(trx, AUDIENCE_SHAPE, audience);
}
