import { grant, type PermissionTable } from '#ltc/platform';

/** The audit trail: auditors (and admins) only. */
export const auditPermissions: PermissionTable = {
  'GET /audit/actors/{userId}': grant(['auditor']),
  'GET /audit/anchors': grant(['auditor']),
  'GET /audit/verify': grant(['auditor']),
  'GET /deals/{dealId}/history': grant(['sales_manager', 'auditor']),
  'POST /audit/verify': grant(['auditor']),
};
