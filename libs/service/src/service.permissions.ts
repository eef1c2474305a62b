import { CREATES, grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** service-access.ts: reads and commands alike. */
const GROUP_TICKETS: RecordRule = {
  scope: 'related',
  label: 'their groups',
  description: 'Tickets of the service groups they belong to or lead, and those they (or a task of theirs) own.',
};

/** service-access.ts: the deal team reads its customers' tickets. */
const THEIR_CUSTOMERS_TICKETS: RecordRule = {
  scope: 'related',
  label: 'their customers',
  description: 'Tickets of the customers whose deal they are in (read only).',
};

/** Agents work their groups' tickets, service managers any (auditors and sales roles only read). */
const WORKING_THE_TICKET = { ...grant(['service_agent'], GROUP_TICKETS), ...grant(['service_manager']) };

/** Ticket reads: agents their groups', the deal team its customers', managers and auditors all. */
const READING_TICKETS = {
  ...grant(['sales_manager', 'service_manager', 'auditor']),
  ...grant(['ar', 'sr', 'fr'], THEIR_CUSTOMERS_TICKETS),
  ...grant(['service_agent'], GROUP_TICKETS),
};

/** Policies, calendars, groups and service analytics: every role that reads tickets. */
const READING_CONFIGURATION = grant(['sales_manager', 'ar', 'sr', 'fr', 'service_agent', 'service_manager', 'auditor']);

/** Service tickets: agents work their groups' tickets, managers all and the configuration; the deal team reads its customers'. */
export const servicePermissions: PermissionTable = {
  'GET /analytics/service/csat': READING_CONFIGURATION,
  'GET /analytics/service/ola': READING_CONFIGURATION,
  'GET /analytics/service/sla': READING_CONFIGURATION,
  'GET /calendars': READING_CONFIGURATION,
  'GET /calendars/{id}': READING_CONFIGURATION,
  'GET /customers/{account}/tickets': READING_TICKETS,
  'GET /me/tickets': READING_TICKETS,
  'GET /product-requirements': READING_TICKETS,
  'GET /queues/{line}': READING_TICKETS,
  'GET /service-entitlements/{contractId}': READING_CONFIGURATION,
  'GET /service-groups': READING_CONFIGURATION,
  'GET /service-groups/{id}': READING_CONFIGURATION,
  'GET /sla-policies': READING_CONFIGURATION,
  'GET /sla-policies/{id}': READING_CONFIGURATION,
  'GET /tickets': READING_TICKETS,
  'GET /tickets/{id}': READING_TICKETS,
  'POST /tickets': grant(['service_agent', 'service_manager'], CREATES),
  'POST /tickets/{id}/assign': WORKING_THE_TICKET,
  'POST /tickets/{id}/callback': WORKING_THE_TICKET,
  'POST /tickets/{id}/close': WORKING_THE_TICKET,
  'POST /tickets/{id}/de-escalate': WORKING_THE_TICKET,
  'POST /tickets/{id}/escalate': WORKING_THE_TICKET,
  'POST /tickets/{id}/grade': WORKING_THE_TICKET,
  'POST /tickets/{id}/plan': WORKING_THE_TICKET,
  'POST /tickets/{id}/plan/assess': WORKING_THE_TICKET,
  'POST /tickets/{id}/plan/implemented': WORKING_THE_TICKET,
  'POST /tickets/{id}/product-requirements': WORKING_THE_TICKET,
  'POST /tickets/{id}/progress': WORKING_THE_TICKET,
  'POST /tickets/{id}/reopen': WORKING_THE_TICKET,
  'POST /tickets/{id}/resolve': WORKING_THE_TICKET,
  'POST /tickets/{id}/respond': WORKING_THE_TICKET,
  'POST /tickets/{id}/resume': WORKING_THE_TICKET,
  'POST /tickets/{id}/sla-policy/reapply': grant(['service_manager']),
  'POST /tickets/{id}/spawn-lead': WORKING_THE_TICKET,
  'POST /tickets/{id}/tasks': WORKING_THE_TICKET,
  'POST /tickets/{id}/tasks/{taskId}/complete': WORKING_THE_TICKET,
  'POST /tickets/{id}/verify': WORKING_THE_TICKET,
  'POST /tickets/{id}/wait': WORKING_THE_TICKET,
  'PUT /calendars/{id}': grant(['service_manager']),
  'PUT /service-entitlements/{contractId}': grant(['service_manager']),
  'PUT /service-groups/{id}': grant(['service_manager']),
  'PUT /sla-policies/{id}': grant(['service_manager']),
};
