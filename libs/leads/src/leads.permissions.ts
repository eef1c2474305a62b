import { CREATES, grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** A rep's leads (lead-visibility.ts): the same rule for reads and for commands. */
const OWN_LEADS: RecordRule = {
  scope: 'related',
  label: 'own + pool',
  description: 'Leads they own or are offered, the pool they may pull from (not blind pull) and leads not yet routed.',
};

/** A manager's leads (lead-visibility.ts). */
const TEAM_LEADS: RecordRule = {
  scope: 'team',
  label: 'team',
  description:
    'Leads owned by or offered to their teams’ reps, the pool and leads not yet routed; a manager with no team sees all.',
};

/** Marketing reads every lead of the tenant, with the deal size blanked (leads-without-money.ts). */
const ALL_WITHOUT_MONEY: RecordRule = {
  scope: 'tenant',
  label: 'all, no money',
  description: 'Every lead of the tenant, with estimatedDealSize and dealSize null.',
};

/** Qualifying, converting and closing a lead: its AR and the team's manager. */
const CLOSING_THE_LEAD = { ...grant(['sales_manager'], TEAM_LEADS), ...grant(['ar'], OWN_LEADS) };

/** Working a lead (edits, tags, attempts): its rep and the team's manager. */
const WORKING_THE_LEAD = { ...grant(['sales_manager'], TEAM_LEADS), ...grant(['ar', 'sr'], OWN_LEADS) };

/** Lead reads: reps their own and the pool, managers their teams', auditors all. */
const READING_LEADS = {
  ...grant(['sales_manager', 'service_manager'], TEAM_LEADS),
  ...grant(['ar', 'sr', 'fr', 'service_agent'], OWN_LEADS),
  ...grant(['auditor']),
};

/** Manage Leads: the lifecycle's routes. Reps work their own leads, managers their teams'; marketing captures. */
export const leadPermissions: PermissionTable = {
  'GET /leads': {
    ...grant(['sales_manager', 'service_manager'], TEAM_LEADS),
    ...grant(['ar', 'sr', 'fr', 'service_agent'], OWN_LEADS),
    ...grant(['auditor']),
    // Not the detail: its timeline quotes the events, deal sizes among them.
    marketing: ALL_WITHOUT_MONEY,
  },
  'GET /leads/{id}': READING_LEADS,
  'GET /leads/pool': WORKING_THE_LEAD,
  'GET /leads/unassigned': grant(['sales_manager', 'service_manager', 'auditor']),
  'GET /reps/{id}/leads': READING_LEADS,
  'PATCH /leads/{id}': WORKING_THE_LEAD,
  'POST /leads': grant(['sales_manager', 'ar', 'service_agent', 'service_manager', 'marketing'], CREATES),
  'POST /leads/{id}/archive': grant(['sales_manager'], TEAM_LEADS),
  'POST /leads/{id}/assign': grant(['sales_manager'], TEAM_LEADS),
  'POST /leads/{id}/attempts': WORKING_THE_LEAD,
  'POST /leads/{id}/claim': grant(['ar', 'sr'], OWN_LEADS),
  'POST /leads/{id}/convert': CLOSING_THE_LEAD,
  'POST /leads/{id}/disqualify': CLOSING_THE_LEAD,
  'POST /leads/{id}/interactions': {
    ...grant(['sales_manager'], TEAM_LEADS),
    ...grant(['ar', 'sr', 'service_agent'], OWN_LEADS),
  },
  'POST /leads/{id}/nurture': CLOSING_THE_LEAD,
  'POST /leads/{id}/offer/accept': grant(['ar', 'sr'], OWN_LEADS),
  'POST /leads/{id}/offer/decline': grant(['ar', 'sr'], OWN_LEADS),
  'POST /leads/{id}/qualify': CLOSING_THE_LEAD,
  'POST /leads/{id}/reactivate': CLOSING_THE_LEAD,
  'POST /leads/{id}/recycle': grant(['sales_manager'], TEAM_LEADS),
  'POST /leads/{id}/tags': WORKING_THE_LEAD,
  'POST /leads/pool/claim-next': grant(['ar', 'sr'], OWN_LEADS),
};
