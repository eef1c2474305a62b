import type { ExpressionBuilder } from 'kysely';
import { InvalidInputError } from '#ltc/kernel';
import { decodePageCursor, encodePageCursor } from '#ltc/projections';
import type { ServiceTicketRow, ServiceTicketTables } from './service-tickets.table.js';

type SortColumn = keyof ServiceTicketRow;

/** A total order of tickets: its columns, all ascending or all descending, the id last. */
export interface TicketOrder {
  readonly name: string;
  readonly columns: readonly SortColumn[];
  readonly direction: 'asc' | 'desc';
}

/** Newest accepted first. */
export const NEWEST_FIRST: TicketOrder = { name: 'newest', columns: ['accepted_at', 'ticket_id'], direction: 'desc' };

/** The earliest breach of a running clock first; tickets without a running clock after, oldest first. */
export const BREACH_FIRST: TicketOrder = {
  name: 'breach',
  columns: ['queue_key', 'accepted_at', 'ticket_id'],
  direction: 'asc',
};

/** Opaque (see `encodePageCursor`): the order's name, then the last row's keys; it holds no filter. */
export const encodeTicketCursor = (order: TicketOrder, row: ServiceTicketRow): string =>
  encodePageCursor([order.name, ...order.columns.map((column) => String(row[column]))]);

export function decodeTicketCursor(order: TicketOrder, cursor: string): string[] {
  const message = 'cursor must be the nextCursor of a previous page in this order';
  const [name, ...keys] = decodePageCursor(cursor, order.columns.length + 1, 'isTicketCursor', message);
  if (name !== order.name) throw new InvalidInputError('cursor', 'isTicketCursor', message);
  return keys;
}

/** Rows strictly after the cursor's position in the order (a lexicographic comparison of its keys). */
export function afterTicketCursor(
  eb: ExpressionBuilder<ServiceTicketTables, 'service_tickets'>,
  order: TicketOrder,
  keys: readonly string[],
) {
  const past = order.direction === 'desc' ? '<' : '>';
  return eb.or(
    order.columns.map((column, i) =>
      eb.and([
        ...order.columns.slice(0, i).map((before, j) => eb(before, '=', keys[j] as string)),
        eb(column, past, keys[i] as string),
      ]),
    ),
  );
}
