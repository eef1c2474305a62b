import { ApiProperty } from '@nestjs/swagger';
import type { ReadModelDb } from '#ltc/projections';
import { filteredContracts, type ContractFilter } from './contract-filter.js';
import { ContractFiguresView } from './contract.views.js';

export class ContractBalanceTotalsView {
  @ApiProperty({ type: [ContractFiguresView], description: 'One line per currency (never summed across)' })
  totals!: ContractFiguresView[];
}

/** The balance of every contract the caller sees, summed per currency (amounts never mix currencies). */
export async function contractBalanceTotals(
  db: ReadModelDb,
  tenantId: string,
  filter: ContractFilter,
): Promise<ContractBalanceTotalsView> {
  const rows = await filteredContracts(db, tenantId, filter)
    .select((eb) => [
      'currency',
      eb.fn.sum<number | string>('value_minor').as('contracted'),
      eb.fn.sum<number | string>('ordered_minor').as('ordered'),
      eb.fn.sum<number | string>('delivered_minor').as('delivered'),
      eb.fn.sum<number | string>('accepted_minor').as('accepted'),
      eb.fn.sum<number | string>('invoiced_minor').as('invoiced'),
      eb.fn.sum<number | string>('paid_minor').as('paid'),
      eb.fn.sum<number | string>('outstanding_minor').as('outstanding'),
      eb.fn.sum<number | string>('overdue_minor').as('overdue'),
    ])
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return {
    totals: rows.map((r) => ({
      currency: r.currency,
      contractedMinor: Number(r.contracted),
      orderedMinor: Number(r.ordered),
      deliveredMinor: Number(r.delivered),
      acceptedMinor: Number(r.accepted),
      invoicedMinor: Number(r.invoiced),
      paidMinor: Number(r.paid),
      outstandingMinor: Number(r.outstanding),
      overdueMinor: Number(r.overdue),
    })),
  };
}
