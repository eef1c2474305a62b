import { sql, type ExpressionBuilder } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { TicketScope } from '../service-access.js';
import { serviceTicketsDb, type ServiceTicketTables } from './service-tickets.table.js';

/** The filters of the ticket list, queues and histories (all optional, all ANDed). */
export interface TicketFilter {
  readonly scope: TicketScope;
  readonly status?: readonly string[];
  readonly priority?: readonly string[];
  readonly line?: number;
  readonly group?: string;
  readonly engineer?: string;
  readonly account?: string;
  readonly product?: string;
  readonly category?: string;
  /** A running clock warned and not breached. */
  readonly atRisk?: boolean;
  /** A clock breached. */
  readonly breached?: boolean;
  /** Text in the subject or the customer's account. */
  readonly q?: string;
}

type TicketExpressions = ExpressionBuilder<ServiceTicketTables, 'service_tickets'>;

/**
 * The same rule as `canSeeTicket`, as a WHERE clause over the audience rows, so pages and counts
 * hold only what the caller sees: the caller is the ticket's (or a task's) engineer or in the
 * deal team, or one of their groups is the ticket's or a task's.
 */
export function visibleTickets(eb: TicketExpressions, scope: TicketScope) {
  if (scope.kind === 'tenant') return eb.lit(true);
  const { personId, groups } = scope;
  return eb.exists(
    eb
      .selectFrom('service_ticket_audience as a')
      .select(eb.lit(1).as('one'))
      .whereRef('a.tenant_id', '=', 'service_tickets.tenant_id')
      .whereRef('a.ticket_id', '=', 'service_tickets.ticket_id')
      .where((a) =>
        a.or([
          a.and([a('a.member_kind', '=', 'person'), a('a.member_id', '=', personId)]),
          ...(groups.length > 0
            ? [a.and([a('a.member_kind', '=', 'group'), a('a.member_id', 'in', [...groups])])]
            : []),
        ]),
      ),
  );
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The tenant's tickets the caller sees that match every filter, not yet ordered. */
export function filteredTickets(db: ReadModelDb, tenantId: string, filter: TicketFilter) {
  let query = serviceTicketsDb(db).selectFrom('service_tickets').where('service_tickets.tenant_id', '=', tenantId);
  if (filter.scope.kind === 'person') query = query.where((eb) => visibleTickets(eb, filter.scope));
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.priority?.length) query = query.where('priority', 'in', [...filter.priority]);
  if (filter.line !== undefined) query = query.where('line', '=', filter.line);
  if (filter.group) query = query.where('group_id', '=', filter.group);
  if (filter.engineer) query = query.where('engineer_id', '=', filter.engineer);
  if (filter.account) query = query.where('customer_account', '=', filter.account);
  if (filter.product) query = query.where('product', '=', filter.product);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.atRisk !== undefined) query = query.where('at_risk', '=', filter.atRisk ? 1 : 0);
  if (filter.breached !== undefined) query = query.where('breached', '=', filter.breached ? 1 : 0);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  return query;
}
