import { CREATES, DEAL_RECORD_RULES, OWN_RECORDS, grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** deal-scope.ts: a sales manager's cells. */
const { team: TEAM_DEALS, manages: MANAGES_TEAM_DEALS, aggregates: TENANT_AGGREGATES } = DEAL_RECORD_RULES;

/** contract-access.ts: reads and commands alike. */
const THEIR_CONTRACTS: RecordRule = {
  scope: 'related',
  label: 'their contracts',
  description: 'Contracts whose triangle (as the contract holds it) they sit in, and the cash of those.',
};

/** The deal team works its own contracts; sales managers their teams' (admins pass every check; auditors only read). */
const WORKING_THE_CONTRACT = { ...grant(['sales_manager'], TEAM_DEALS), ...grant(['ar', 'sr', 'fr'], THEIR_CONTRACTS) };

/** Contract reads: the deal team its own, sales managers their teams', auditors all. */
const READING_CONTRACTS = {
  ...grant(['sales_manager'], TEAM_DEALS),
  ...grant(['auditor']),
  ...grant(['ar', 'sr', 'fr'], THEIR_CONTRACTS),
};

/** Contracts and cash: the deal team works its contracts; sales managers approve their teams' amendments. */
export const contractPermissions: PermissionTable = {
  'GET /analytics/cash/aging': {
    ...grant(['sales_manager'], TENANT_AGGREGATES),
    ...grant(['auditor']),
    ...grant(['ar'], THEIR_CONTRACTS),
  },
  'GET /analytics/deals/pipeline-length': { ...grant(['sales_manager'], TENANT_AGGREGATES), ...grant(['auditor']) },
  'GET /contracts': READING_CONTRACTS,
  'GET /contracts/{id}': READING_CONTRACTS,
  'GET /contracts/{id}/balance': READING_CONTRACTS,
  'GET /contracts/balance': READING_CONTRACTS,
  'GET /me/workload': grant(['fr'], OWN_RECORDS),
  'POST /contracts': grant(['sales_manager', 'ar'], CREATES),
  'POST /contracts/{id}/amend': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/amendments/{amendmentId}/approve': grant(['sales_manager'], MANAGES_TEAM_DEALS),
  'POST /contracts/{id}/amendments/{amendmentId}/reject': grant(['sales_manager'], MANAGES_TEAM_DEALS),
  'POST /contracts/{id}/handover-meeting': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/handover-meeting/held': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/invoices': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/invoices/{invoiceId}/credit-notes': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/invoices/{invoiceId}/payments': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/purchase-orders': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/purchase-orders/{poId}/acceptances': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/purchase-orders/{poId}/cancel': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/purchase-orders/{poId}/deliveries': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/sign': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/terminate': WORKING_THE_CONTRACT,
  'POST /contracts/{id}/unapplied-cash': WORKING_THE_CONTRACT,
};
