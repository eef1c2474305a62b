import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Row shape of `contract_list`: one row per contract, what lists, balances, aging and every
 * visibility check read. Written only by the contract list projection; other read models of
 * this context query it (the seat columns decide who sees a contract). Amounts are integer
 * minor units in the contract's currency (strings or bigints from PostgreSQL's bigint).
 */
export type ContractListRow = {
  tenant_id: string;
  contract_id: string;
  deal_id: string;
  name: string;
  account: string | null;
  pipeline_id: string | null;
  source: string | null;
  /** `draft`, `signed`, `handed_over`, `closed` or `terminated`. */
  status: string;
  currency: string;
  value_minor: number | string;
  ordered_minor: number | string;
  delivered_minor: number | string;
  accepted_minor: number | string;
  invoiced_minor: number | string;
  paid_minor: number | string;
  outstanding_minor: number | string;
  overdue_minor: number | string;
  ar_id: string;
  sr_id: string | null;
  fr_id: string | null;
  sponsor_id: string | null;
  drafted_at: string;
  signed_on: string | null;
  handed_over_at: string | null;
  closed_at: string | null;
  updated_at: string;
  /** The contract stream's revision this row reflects. */
  revision: string;
};

export type ContractListTables = { contract_list: ContractListRow };

export const contractListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ContractListTables>();
