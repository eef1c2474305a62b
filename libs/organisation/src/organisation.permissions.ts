import { OWN_RECORDS, grant, type PermissionTable } from '#ltc/platform';

/** The sales organisation: sales managers change it; the sales roles and auditors read it. */
export const organisationPermissions: PermissionTable = {
  'GET /reps': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'GET /reps/{id}': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'GET /teams': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'GET /teams/{id}': grant(['sales_manager', 'ar', 'sr', 'fr', 'auditor']),
  'PATCH /reps/{id}': grant(['sales_manager']),
  'PATCH /teams/{id}': grant(['sales_manager']),
  'POST /reps': grant(['sales_manager']),
  'POST /reps/{id}/deactivate': grant(['sales_manager']),
  'POST /reps/{id}/reactivate': grant(['sales_manager']),
  'POST /teams': grant(['sales_manager']),
  'PUT /reps/{id}/availability': {
    ...grant(['sales_manager']),
    ...grant(['ar', 'sr', 'fr', 'service_agent', 'service_manager'], OWN_RECORDS),
  },
  'PUT /reps/{id}/capacity': grant(['sales_manager']),
};
