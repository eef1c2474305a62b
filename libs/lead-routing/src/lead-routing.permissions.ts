import { OWN_RECORDS, grant, type PermissionTable } from '#ltc/platform';

/** Lead distribution and routing: rules and policies are the sales managers'; reps read them. */
export const leadRoutingPermissions: PermissionTable = {
  'GET /distribution-policies/{team}': grant(['sales_manager', 'ar', 'sr', 'auditor']),
  'GET /distribution/workload': grant(['sales_manager', 'auditor']),
  'GET /notifications': grant(['sales_manager', 'ar', 'sr', 'fr', 'service_agent', 'service_manager'], OWN_RECORDS),
  'GET /reps/{id}/attempts-due': { ...grant(['sales_manager', 'auditor']), ...grant(['ar', 'sr'], OWN_RECORDS) },
  'GET /routing-rules': grant(['sales_manager', 'ar', 'sr', 'auditor']),
  'PUT /distribution-policies/{team}': grant(['sales_manager']),
  'PUT /routing-rules': grant(['sales_manager']),
};
