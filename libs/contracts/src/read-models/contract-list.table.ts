import { sql } from 'kysely';
import { addMissingColumns, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';

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
  /** The sales team its deal was opened in (docs/adr/0024): whose sales manager sees it; null: none. */
  team_id: string | null;
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
  /**
   * The contract's folded domain state as JSON: the next event evolves it with the domain's own
   * `evolveContract`, so the figures above are always `figuresOf` a direct fold of the events.
   */
  state_json: string;
};

/**
 * What the contract read models keep of a deal from its opportunity stream (a context reads
 * another's events, never its tables): the name and account a contract lists with, and the
 * start of the pipeline for its length (the lead's capture, or the deal's opening).
 */
export type ContractDealRow = {
  tenant_id: string;
  deal_id: string;
  name: string;
  account: string | null;
  pipeline_id: string;
  source: string | null;
  team_id: string | null;
  opened_at: string;
  /** When the lead was captured (older deals' events do not say: null). */
  lead_captured_at: string | null;
};

export type ContractListTables = { contract_list: ContractListRow; contract_deal: ContractDealRow };

export const contractListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ContractListTables>();

const MONEY_COLUMNS = [
  'value_minor',
  'ordered_minor',
  'delivered_minor',
  'accepted_minor',
  'invoiced_minor',
  'paid_minor',
  'outstanding_minor',
  'overdue_minor',
] as const;

const INDEXES: Record<string, readonly string[]> = {
  contract_list_status_idx: ['tenant_id', 'status', 'drafted_at'],
  contract_list_ar_idx: ['tenant_id', 'ar_id'],
  contract_list_fr_idx: ['tenant_id', 'fr_id'],
  contract_list_team_idx: ['tenant_id', 'team_id'],
  contract_list_drafted_idx: ['tenant_id', 'drafted_at', 'contract_id'],
};

export async function createContractListTables(db: ReadModelDb): Promise<void> {
  let table = db.schema
    .createTable('contract_list')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('pipeline_id', 'text')
    .addColumn('source', 'text')
    .addColumn('team_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull());
  for (const column of MONEY_COLUMNS) table = table.addColumn(column, 'bigint', (c) => c.notNull());
  await table
    .addColumn('ar_id', 'text', (c) => c.notNull())
    .addColumn('sr_id', 'text')
    .addColumn('fr_id', 'text')
    .addColumn('sponsor_id', 'text')
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('handed_over_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_list_pk', ['tenant_id', 'contract_id'])
    .execute();
  // A store of version 1 lacks the team; the version bump then refills every row.
  await addMissingColumns(db, 'contract_list', [['team_id', 'text']]);
  for (const [name, columns] of Object.entries(INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('contract_list')
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createTable('contract_deal')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('team_id', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('lead_captured_at', 'text')
    .addPrimaryKeyConstraint('contract_deal_pk', ['tenant_id', 'deal_id'])
    .execute();
  await addMissingColumns(db, 'contract_deal', [['team_id', 'text']]);
}

export async function resetContractList(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from contract_list`.execute(trx);
  await sql`delete from contract_deal`.execute(trx);
}
