import type { RecordedEvent } from '#ltc/event-store';
import type { OpportunityOpened, OpportunityRenamed } from '#ltc/opportunities/events';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { parseContractEvent } from '../domain/contract-event.js';
import { evolveContract } from '../domain/contract.evolve.js';
import type { Contract, ContractState } from '../domain/contract.state.js';
import { contractRowOf } from './contract-list.fold.js';
import {
  contractListDb,
  createContractListTables,
  resetContractList,
  type ContractDealRow,
  type ContractListRow,
} from './contract-list.table.js';

/**
 * One row per contract, its figures folded by the domain itself, plus what a contract keeps of
 * its deal (name, account, pipeline, source, the pipeline's start) from the opportunity stream.
 */
export const contractListProjection: Projection = {
  name: 'contract_list',
  // 2: the deal's team, whose sales manager sees the contract.
  version: 2,
  filter: { streamPrefixes: ['contract-', 'opportunity-'] },
  setup: createContractListTables,
  reset: resetContractList,
  apply: applyContractEvent,
};

/** What conversion adds to the lead on OpportunityOpened, and the team; older events lack them. */
type DealOpening = Omit<OpportunityOpened, 'data'> & {
  data: Omit<OpportunityOpened['data'], 'team'> & { lead: { capturedAt?: string | null } | null; team?: string | null };
};

async function applyContractEvent(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const tenantId = recorded.metadata.tenantId;
  if (recorded.type === 'OpportunityOpened') return saveDeal(trx, tenantId, recorded.data as DealOpening['data']);
  if (recorded.type === 'OpportunityRenamed') {
    const { opportunityId, name } = recorded.data as OpportunityRenamed['data'];
    const db = contractListDb(trx);
    await db
      .updateTable('contract_deal')
      .set({ name })
      .where('tenant_id', '=', tenantId)
      .where('deal_id', '=', opportunityId)
      .execute();
    // A contract lists under its deal's name, also when the deal is renamed later.
    await db
      .updateTable('contract_list')
      .set({ name })
      .where('tenant_id', '=', tenantId)
      .where('deal_id', '=', opportunityId)
      .execute();
    return;
  }
  const event = parseContractEvent(recorded);
  if (!event) return;
  const db = contractListDb(trx);
  const before = await db
    .selectFrom('contract_list')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', event.data.contractId)
    .executeTakeFirst();
  const state: ContractState = before ? (JSON.parse(before.state_json) as Contract) : { status: 'none' };
  const after = evolveContract(state, event);
  if (after.status === 'none') return;
  const deal = before
    ? undefined
    : await db
        .selectFrom('contract_deal')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('deal_id', '=', after.dealId)
        .executeTakeFirst();
  const row = contractRowOf({ tenantId, revision: recorded.revision, event, contract: after, before, deal });
  await upsertRow(trx, row);
}

async function saveDeal(trx: ReadModelTransaction, tenantId: string, data: DealOpening['data']): Promise<void> {
  const row: ContractDealRow = {
    tenant_id: tenantId,
    deal_id: data.opportunityId,
    name: data.name,
    account: data.account,
    pipeline_id: data.pipelineId,
    source: data.lead?.source ?? null,
    team_id: data.team ?? null,
    opened_at: data.at,
    lead_captured_at: data.lead?.capturedAt ?? null,
  };
  const { tenant_id: _tenant, deal_id: _deal, ...changes } = row;
  await contractListDb(trx)
    .insertInto('contract_deal')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'deal_id']).doUpdateSet(changes))
    .execute();
}

async function upsertRow(trx: ReadModelTransaction, row: ContractListRow): Promise<void> {
  const { tenant_id: _tenant, contract_id: _contract, ...changes } = row;
  await contractListDb(trx)
    .insertInto('contract_list')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'contract_id']).doUpdateSet(changes))
    .execute();
}
