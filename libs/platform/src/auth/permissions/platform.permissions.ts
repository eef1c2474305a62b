import { PUBLIC_ROUTE, grant, type PermissionTable } from './permission-matrix.js';

/** The platform's own routes: health for load balancers, the raw stream view and the read log for auditors. */
export const platformPermissions: PermissionTable = {
  'GET /health': PUBLIC_ROUTE,
  'GET /streams/{stream}': grant(['auditor']),
  'GET /audit/reads': grant(['auditor']),
};
