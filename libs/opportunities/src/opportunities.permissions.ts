import { CREATES, DEAL_RECORD_RULES, OWN_RECORDS, grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** deal-scope.ts: a sales manager's cells. */
const { team: TEAM_DEALS, manages: MANAGES_TEAM_DEALS, aggregates: TENANT_AGGREGATES } = DEAL_RECORD_RULES;

/** opportunity-access.ts: reads and commands alike. */
const THEIR_DEALS: RecordRule = {
  scope: 'related',
  label: 'their deals',
  description: 'Deals whose triangle they sit in (AR, SR, FR or sponsor) or a handoff waits on them for.',
};

/** The triangle works its own deals; sales managers their teams' (auditors only read). */
const WORKING_THE_DEAL = { ...grant(['sales_manager'], TEAM_DEALS), ...grant(['ar', 'sr', 'fr'], THEIR_DEALS) };

/** Deal reads: the triangle its own deals, sales managers their teams', auditors all. */
const READING_DEALS = {
  ...grant(['sales_manager'], TEAM_DEALS),
  ...grant(['auditor']),
  ...grant(['ar', 'sr', 'fr'], THEIR_DEALS),
};

/** Opportunities: the deal team (triangle) works its deals; sales managers see and approve their teams'. */
export const opportunityPermissions: PermissionTable = {
  'GET /analytics/opportunities/stage-velocity': {
    ...grant(['sales_manager'], TENANT_AGGREGATES),
    ...grant(['auditor']),
  },
  'GET /analytics/opportunities/win-rate': { ...grant(['sales_manager'], TENANT_AGGREGATES), ...grant(['auditor']) },
  'GET /analytics/triangles': { ...grant(['sales_manager'], TENANT_AGGREGATES), ...grant(['auditor']) },
  'GET /forecast': READING_DEALS,
  'GET /handoffs': READING_DEALS,
  'GET /me/inbox': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor'], OWN_RECORDS),
  'GET /opportunities': READING_DEALS,
  'GET /opportunities/{id}': READING_DEALS,
  'GET /people/{id}/inbox': grant(['sales_manager'], TEAM_DEALS),
  'GET /pipeline-board': READING_DEALS,
  'GET /pipelines': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'GET /pipelines/{id}': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'PATCH /opportunities/{id}': WORKING_THE_DEAL,
  'POST /opportunities': grant(['sales_manager', 'ar'], CREATES),
  'POST /opportunities/{id}/bid': WORKING_THE_DEAL,
  'POST /opportunities/{id}/customer-answer': WORKING_THE_DEAL,
  'POST /opportunities/{id}/handoffs': WORKING_THE_DEAL,
  'POST /opportunities/{id}/handoffs/{handoffId}/accept': WORKING_THE_DEAL,
  'POST /opportunities/{id}/handoffs/{handoffId}/decline': WORKING_THE_DEAL,
  'POST /opportunities/{id}/lose': WORKING_THE_DEAL,
  'POST /opportunities/{id}/quotes': WORKING_THE_DEAL,
  'POST /opportunities/{id}/quotes/{version}/approve': grant(['sales_manager'], MANAGES_TEAM_DEALS),
  'POST /opportunities/{id}/quotes/{version}/reject': grant(['sales_manager'], MANAGES_TEAM_DEALS),
  'POST /opportunities/{id}/quotes/{version}/request-approval': WORKING_THE_DEAL,
  'POST /opportunities/{id}/quotes/{version}/send': WORKING_THE_DEAL,
  'POST /opportunities/{id}/reopen': grant(['sales_manager'], MANAGES_TEAM_DEALS),
  'POST /opportunities/{id}/stage': WORKING_THE_DEAL,
  'POST /opportunities/{id}/win': WORKING_THE_DEAL,
  'PUT /opportunities/{id}/triangle': { ...grant(['sales_manager'], TEAM_DEALS), ...grant(['ar'], THEIR_DEALS) },
  'PUT /pipelines/{id}': grant(['sales_manager']),
};
