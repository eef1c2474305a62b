import type { ReadModelDb } from '#ltc/projections';
import type { Line } from '../domain/service-vocabulary.js';
import type { TicketScope } from '../service-access.js';
import type { ServiceTicketRow } from './service-tickets.table.js';
import {
  afterTicketCursor,
  BREACH_FIRST,
  decodeTicketCursor,
  encodeTicketCursor,
  NEWEST_FIRST,
  type TicketOrder,
} from './ticket-cursor.js';
import { filteredTickets, type TicketFilter } from './ticket-filter.js';
import {
  toQueueItemView,
  toTicketView,
  type TicketPageView,
  type TicketQueuePageView,
} from './service-ticket.views.js';

export interface TicketPaging {
  readonly limit: number;
  /** The `nextCursor` of the previous page (of the same order). */
  readonly cursor?: string;
}

export interface TicketListFilter extends TicketFilter, TicketPaging {
  /** `newest` (the default): newest accepted first; `breach`: the earliest breach of a running clock first. */
  readonly sort?: 'newest' | 'breach';
}

type FilteredQuery = ReturnType<typeof filteredTickets>;

/** One page of `query` in `order`, ties broken by id so a cursor names one position. */
async function pageOf(
  query: FilteredQuery,
  order: TicketOrder,
  paging: TicketPaging,
): Promise<{ rows: ServiceTicketRow[]; nextCursor: string | null }> {
  let q = query.selectAll();
  if (paging.cursor !== undefined) {
    const keys = decodeTicketCursor(order, paging.cursor);
    q = q.where((eb) => afterTicketCursor(eb, order, keys));
  }
  for (const column of order.columns) q = q.orderBy(column, order.direction);
  const found = await q.limit(paging.limit + 1).execute();
  const rows = found.slice(0, paging.limit);
  const last = rows.at(-1);
  return { rows, nextCursor: found.length > paging.limit && last ? encodeTicketCursor(order, last) : null };
}

/** `GET /tickets` and a customer's history: the tickets the caller sees that match, newest first or by breach. */
export async function listTickets(
  db: ReadModelDb,
  tenantId: string,
  filter: TicketListFilter,
): Promise<TicketPageView> {
  const order = filter.sort === 'breach' ? BREACH_FIRST : NEWEST_FIRST;
  const { rows, nextCursor } = await pageOf(filteredTickets(db, tenantId, filter), order, filter);
  return { items: rows.map(toTicketView), limit: filter.limit, nextCursor };
}

const WORKING = ['open', 'waiting'];

/** `GET /queues/{line}`: the open and waiting tickets on a line, the earliest breach first. */
export async function ticketQueue(
  db: ReadModelDb,
  tenantId: string,
  query: TicketPaging & {
    readonly scope: TicketScope;
    readonly line: Line;
    readonly group?: string;
    readonly engineer?: string;
  },
  now: Date,
): Promise<TicketQueuePageView> {
  const { scope, line, group, engineer } = query;
  const filter: TicketFilter = {
    scope,
    line,
    status: WORKING,
    ...(group ? { group } : {}),
    ...(engineer ? { engineer } : {}),
  };
  const { rows, nextCursor } = await pageOf(filteredTickets(db, tenantId, filter), BREACH_FIRST, query);
  return { items: rows.map((row) => toQueueItemView(row, now)), limit: query.limit, nextCursor };
}

/**
 * `GET /me/tickets`: the open and waiting tickets the caller is the engineer of, and those of
 * their groups nobody is assigned yet, the earliest breach first.
 */
export async function myTickets(
  db: ReadModelDb,
  tenantId: string,
  query: TicketPaging & { readonly scope: TicketScope; readonly personId: string; readonly groups: readonly string[] },
  now: Date,
): Promise<TicketQueuePageView> {
  const { personId, groups } = query;
  const mine = filteredTickets(db, tenantId, { scope: query.scope, status: WORKING }).where((eb) =>
    eb.or([
      eb('engineer_id', '=', personId),
      ...(groups.length > 0 ? [eb.and([eb('engineer_id', 'is', null), eb('group_id', 'in', [...groups])])] : []),
    ]),
  );
  const { rows, nextCursor } = await pageOf(mine, BREACH_FIRST, query);
  return { items: rows.map((row) => toQueueItemView(row, now)), limit: query.limit, nextCursor };
}
