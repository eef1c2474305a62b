import { grant, type PermissionTable } from '#ltc/platform';

/** The scoring model: sales managers set it; reps read and preview it. */
export const leadScoringPermissions: PermissionTable = {
  'GET /scoring-models/current': grant(['sales_manager', 'ar', 'sr', 'auditor']),
  'POST /scoring-models/preview': grant(['sales_manager', 'ar', 'sr']),
  'PUT /scoring-models/current': grant(['sales_manager']),
};
