import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Row shape of `service_tickets`: one row per ticket, what the ticket lists, queues, customer
 * histories and the SLA and CSAT analytics read. Flags are integers 0/1 (portable), business-time
 * durations integer milliseconds (bigint: strings from PostgreSQL). Written only by the service
 * tickets projection.
 */
export type ServiceTicketRow = {
  tenant_id: string;
  ticket_id: string;
  /** `open`, `waiting`, `resolved` or `closed`. */
  status: string;
  priority: string;
  impact: string | null;
  urgency: string | null;
  line: number;
  group_id: string | null;
  engineer_id: string | null;
  channel: string;
  customer_account: string;
  contract_id: string | null;
  product: string | null;
  category: string | null;
  subject: string;
  accepted_at: string;
  accepted_by: string;
  response_state: string;
  response_plan: number;
  response_target_ms: number | string;
  response_elapsed_ms: number | string;
  response_warn_at: string | null;
  response_breach_at: string | null;
  /** Warned / breached under the clock's current plan (a plan that moves the instant ahead clears it). */
  response_warned: number;
  response_breached: number;
  /** The instant it breached (`TicketSlaBreached.dueAt`). */
  response_breached_at: string | null;
  response_met_at: string | null;
  /** 1 / 0 once met; null while it runs. */
  response_within_target: number | null;
  resolution_state: string;
  resolution_plan: number;
  resolution_target_ms: number | string;
  resolution_elapsed_ms: number | string;
  resolution_warn_at: string | null;
  resolution_breach_at: string | null;
  resolution_warned: number;
  resolution_breached: number;
  resolution_breached_at: string | null;
  resolution_met_at: string | null;
  resolution_within_target: number | null;
  /** The earliest breach instant of a running clock; null: no clock runs. */
  next_breach_at: string | null;
  /** `next_breach_at`, or a sentinel after every instant: the queue's order, the same on both dialects. */
  queue_key: string;
  /** A running clock warned and not breached. */
  at_risk: number;
  /** A clock breached. */
  breached: number;
  responded_at: string | null;
  /** The latest resolution and closing (kept when reopened: the status says whether they still stand). */
  resolved_at: string | null;
  /** Whether the latest resolution was within target (1 / 0), kept when reopened: what SLA attainment counts. */
  resolved_within_target: number | null;
  closed_at: string | null;
  /** The latest callback's satisfaction, 1–5. */
  satisfaction: number | null;
  reopen_count: number;
  follow_up_of: string | null;
  policy_id: string;
  policy_version: number;
  /** JSON arrays: the groups and engineers of the ticket's tasks, and the customer's deal team. */
  task_groups: string;
  task_engineers: string;
  deal_team: string;
  /** Subject and account, lower-cased once when written, for `q`. */
  search_text: string;
  updated_at: string;
  /** The ticket stream's revision this row reflects. */
  revision: string;
};

/**
 * Who sees a ticket, one row per group or person (`canSeeTicket` as rows): the ticket's group
 * and engineer, its tasks' groups and engineers, the deal team. A visibility check is then one
 * indexed `exists`, so pages and counts hold only what the caller sees.
 */
export type ServiceTicketAudienceRow = {
  tenant_id: string;
  /** `group` or `person`. */
  member_kind: string;
  member_id: string;
  ticket_id: string;
};

/**
 * One row per callback (`TicketCallbackRecorded`), with the ticket's group, engineer and category
 * as they stood when the customer was called: what customer satisfaction is measured over.
 */
export type ServiceTicketCallbackRow = {
  tenant_id: string;
  ticket_id: string;
  /** The ticket stream's revision of the callback: a ticket called back twice (reopened) has two. */
  revision: string;
  satisfaction: number;
  group_id: string | null;
  engineer_id: string | null;
  category: string | null;
  called_at: string;
};

export type ServiceTicketTables = {
  service_tickets: ServiceTicketRow;
  service_ticket_audience: ServiceTicketAudienceRow;
  service_ticket_callbacks: ServiceTicketCallbackRow;
};

export const serviceTicketsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ServiceTicketTables>();

/** After every instant an ISO timestamp can name: tickets whose clocks do not run sort last. */
export const NO_BREACH_KEY = '9999-12-31T23:59:59.999Z';

const INDEXES: Record<string, readonly string[]> = {
  service_tickets_accepted_idx: ['tenant_id', 'accepted_at', 'ticket_id'],
  service_tickets_queue_idx: ['tenant_id', 'line', 'status', 'queue_key'],
  service_tickets_breach_idx: ['tenant_id', 'queue_key', 'accepted_at', 'ticket_id'],
  service_tickets_group_idx: ['tenant_id', 'group_id', 'status'],
  service_tickets_engineer_idx: ['tenant_id', 'engineer_id', 'status'],
  service_tickets_account_idx: ['tenant_id', 'customer_account', 'accepted_at'],
  service_tickets_status_idx: ['tenant_id', 'status', 'accepted_at'],
  service_tickets_priority_idx: ['tenant_id', 'priority'],
  service_tickets_product_idx: ['tenant_id', 'product'],
  service_tickets_category_idx: ['tenant_id', 'category'],
};

const CLOCK_PREFIXES = ['response', 'resolution'] as const;

export async function createServiceTicketTables(db: ReadModelDb): Promise<void> {
  let table = db.schema
    .createTable('service_tickets')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('impact', 'text')
    .addColumn('urgency', 'text')
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('engineer_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_account', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text')
    .addColumn('product', 'text')
    .addColumn('category', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull());
  for (const clock of CLOCK_PREFIXES) {
    table = table
      .addColumn(`${clock}_state`, 'text', (c) => c.notNull())
      .addColumn(`${clock}_plan`, 'integer', (c) => c.notNull())
      .addColumn(`${clock}_target_ms`, 'bigint', (c) => c.notNull())
      .addColumn(`${clock}_elapsed_ms`, 'bigint', (c) => c.notNull())
      .addColumn(`${clock}_warn_at`, 'text')
      .addColumn(`${clock}_breach_at`, 'text')
      .addColumn(`${clock}_warned`, 'integer', (c) => c.notNull())
      .addColumn(`${clock}_breached`, 'integer', (c) => c.notNull())
      .addColumn(`${clock}_breached_at`, 'text')
      .addColumn(`${clock}_met_at`, 'text')
      .addColumn(`${clock}_within_target`, 'integer');
  }
  await table
    .addColumn('next_breach_at', 'text')
    .addColumn('queue_key', 'text', (c) => c.notNull())
    .addColumn('at_risk', 'integer', (c) => c.notNull())
    .addColumn('breached', 'integer', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_within_target', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('follow_up_of', 'text')
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('task_groups', 'text', (c) => c.notNull())
    .addColumn('task_engineers', 'text', (c) => c.notNull())
    .addColumn('deal_team', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_tickets_pk', ['tenant_id', 'ticket_id'])
    .execute();
  for (const [name, columns] of Object.entries(INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('service_tickets')
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createTable('service_ticket_audience')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('member_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_ticket_audience_pk', ['tenant_id', 'ticket_id', 'member_kind', 'member_id'])
    .execute();
  // The key answers "may this caller see this ticket" (the lists' correlated check); this, "what may they see".
  await db.schema
    .createIndex('service_ticket_audience_member_idx')
    .ifNotExists()
    .on('service_ticket_audience')
    .columns(['tenant_id', 'member_kind', 'member_id', 'ticket_id'])
    .execute();
  await db.schema
    .createTable('service_ticket_callbacks')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('engineer_id', 'text')
    .addColumn('category', 'text')
    .addColumn('called_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_ticket_callbacks_pk', ['tenant_id', 'ticket_id', 'revision'])
    .execute();
}

export async function resetServiceTickets(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from service_tickets`.execute(trx);
  await sql`delete from service_ticket_audience`.execute(trx);
  await sql`delete from service_ticket_callbacks`.execute(trx);
}
