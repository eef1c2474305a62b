import { ADMIN_ONLY, TEAM_DEALS, grant, type PermissionTable } from '#ltc/platform';

/** The audit trail: auditors (and admins) only; a data subject's export and erasure: admins only. */
export const auditPermissions: PermissionTable = {
  'GET /audit/actors/{userId}': grant(['auditor']),
  'GET /audit/anchors': grant(['auditor']),
  'GET /audit/verify': grant(['auditor']),
  'GET /deals/{dealId}/history': { ...grant(['sales_manager'], TEAM_DEALS), ...grant(['auditor']) },
  'POST /audit/verify': grant(['auditor']),
  'GET /data-subjects': ADMIN_ONLY,
  'GET /data-subjects/{id}/export': ADMIN_ONLY,
  'POST /data-subjects/{id}/erase': ADMIN_ONLY,
};
