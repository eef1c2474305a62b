import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { decodePageCursor, encodePageCursor, type ReadModelDb } from '#ltc/projections';
import type { TicketScope } from '../service-access.js';
import {
  serviceProductRequirementsDb,
  type ServiceProductRequirementRow,
} from './service-product-requirements.projection.js';
import { filteredTickets } from './ticket-filter.js';

export class ProductRequirementView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The ticket it was raised from' }) ticketId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) product!: string | null;
  @ApiProperty() account!: string;
  @ApiProperty() raisedBy!: string;
  @ApiProperty() raisedAt!: string;
}

export class ProductRequirementPageView {
  @ApiProperty({ type: [ProductRequirementView] }) items!: ProductRequirementView[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Send as cursor for the next page; null: last' })
  nextCursor!: string | null;
}

export interface ProductRequirementFilter {
  readonly scope: TicketScope;
  readonly product?: string;
  readonly account?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const toProductRequirementView = (row: ServiceProductRequirementRow): ProductRequirementView => ({
  id: row.requirement_id,
  ticketId: row.ticket_id,
  title: row.title,
  description: row.description,
  product: row.product,
  account: row.customer_account,
  raisedBy: row.raised_by,
  raisedAt: row.raised_at,
});

/**
 * The product requirements raised from tickets the caller sees, newest first (ties by id). The
 * cursor is opaque: base64url JSON of the last requirement's `raised_at` and id.
 */
export async function listProductRequirements(
  db: ReadModelDb,
  tenantId: string,
  filter: ProductRequirementFilter,
): Promise<ProductRequirementPageView> {
  let query = serviceProductRequirementsDb(db)
    .selectFrom('service_product_requirements')
    .selectAll()
    .where('tenant_id', '=', tenantId);
  if (filter.scope.kind === 'person') {
    const visible = filteredTickets(db, tenantId, { scope: filter.scope }).select('service_tickets.ticket_id');
    query = query.where('ticket_id', 'in', visible);
  }
  if (filter.product) query = query.where('product', '=', filter.product);
  if (filter.account) query = query.where('customer_account', '=', filter.account);
  if (filter.cursor !== undefined) {
    const [raisedAt = '', id = ''] = decodePageCursor(filter.cursor, 2, 'isRequirementCursor');
    query = query.where((eb) =>
      eb.or([eb('raised_at', '<', raisedAt), eb.and([eb('raised_at', '=', raisedAt), eb('requirement_id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('raised_at', 'desc')
    .orderBy('requirement_id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return {
    items: items.map(toProductRequirementView),
    limit: filter.limit,
    nextCursor: rows.length > filter.limit && last ? encodePageCursor([last.raised_at, last.requirement_id]) : null,
  };
}
