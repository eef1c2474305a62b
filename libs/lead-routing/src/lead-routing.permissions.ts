import { OWN_RECORDS, grant, type PermissionTable, type RecordRule } from '#ltc/platform';

/** Notifications addressed to "every sales manager" are read by each of them. */
const OWN_AND_MANAGERS: RecordRule = {
  scope: 'tenant',
  label: 'own + managers’',
  description: 'Their own notifications and those addressed to every sales manager of the tenant.',
};

/** Lead distribution and routing: rules and policies are the sales managers'; reps read them. */
export const leadRoutingPermissions: PermissionTable = {
  'GET /distribution-policies/{team}': grant(['sales_manager', 'ar', 'sr', 'auditor']),
  'GET /distribution/workload': grant(['sales_manager', 'auditor']),
  'GET /notifications': {
    sales_manager: OWN_AND_MANAGERS,
    ...grant(['ar', 'sr', 'fr', 'service_agent', 'service_manager'], OWN_RECORDS),
  },
  'GET /reps/{id}/attempts-due': { ...grant(['sales_manager', 'auditor']), ...grant(['ar', 'sr'], OWN_RECORDS) },
  'GET /routing-rules': grant(['sales_manager', 'ar', 'sr', 'auditor']),
  'PUT /distribution-policies/{team}': grant(['sales_manager']),
  'PUT /routing-rules': grant(['sales_manager']),
};
