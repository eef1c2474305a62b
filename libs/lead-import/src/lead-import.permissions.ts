import { CREATES, grant, type PermissionTable } from '#ltc/platform';

/** Bulk lead import: sales managers and marketing. */
export const leadImportPermissions: PermissionTable = {
  'POST /leads/import': grant(['sales_manager', 'marketing'], CREATES),
};
