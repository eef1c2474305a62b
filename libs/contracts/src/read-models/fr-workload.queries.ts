import { ApiProperty } from '@nestjs/swagger';
import type { ReadModelDb } from '#ltc/projections';
import type { Contract } from '../domain/contract.state.js';
import { awaitingAcceptanceMinor, netDeliveredMinor } from '../domain/contract.state.js';
import { contractListDb } from './contract-list.table.js';
import { ContractView, toContractView } from './contract.views.js';

export class WorkloadOrderView {
  @ApiProperty() contractId!: string;
  @ApiProperty() contractName!: string;
  @ApiProperty() purchaseOrderId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() valueMinor!: number;
  @ApiProperty({ description: 'Delivered and not rejected' }) deliveredMinor!: number;
  @ApiProperty() acceptedMinor!: number;
  @ApiProperty({ description: 'Delivered, waiting for the customer to accept or reject' })
  awaitingAcceptanceMinor!: number;
}

export class FrWorkloadView {
  @ApiProperty({ type: [ContractView], description: 'Handed over to the caller and not closed or terminated' })
  contracts!: ContractView[];
  @ApiProperty({ type: [WorkloadOrderView], description: 'Open orders not yet delivered in full' })
  ordersInDelivery!: WorkloadOrderView[];
  @ApiProperty({ type: [WorkloadOrderView], description: 'Orders with deliveries the customer has not answered' })
  acceptancesWaiting!: WorkloadOrderView[];
}

/**
 * What an FR has on their plate: the contracts they lead (handed over to them, still running),
 * their open orders still being delivered, and deliveries waiting for the customer's answer.
 * Read from the list rows' folded contract state, so it equals the contract's own figures.
 */
export async function frWorkload(db: ReadModelDb, tenantId: string, personId: string): Promise<FrWorkloadView> {
  const rows = await contractListDb(db)
    .selectFrom('contract_list')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('fr_id', '=', personId)
    .where('status', '=', 'handed_over')
    .orderBy('drafted_at')
    .orderBy('contract_id')
    .execute();
  const orders = rows.flatMap((row) => {
    const contract = JSON.parse(row.state_json) as Contract;
    return contract.purchaseOrders
      .filter((po) => po.status === 'open')
      .map((po) => ({
        contractId: row.contract_id,
        contractName: row.name,
        purchaseOrderId: po.purchaseOrderId,
        currency: row.currency,
        valueMinor: po.valueMinor,
        deliveredMinor: netDeliveredMinor(po),
        acceptedMinor: po.acceptedMinor,
        awaitingAcceptanceMinor: awaitingAcceptanceMinor(po),
      }));
  });
  return {
    contracts: rows.map(toContractView),
    ordersInDelivery: orders.filter((o) => o.deliveredMinor < o.valueMinor),
    acceptancesWaiting: orders.filter((o) => o.awaitingAcceptanceMinor > 0),
  };
}
