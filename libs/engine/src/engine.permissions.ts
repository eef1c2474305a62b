import {
  ADMIN_ONLY,
  PUBLIC_ROUTE,
  grant,
  permissionMatrix,
  platformPermissions,
  type PermissionMatrix,
  type PermissionTable,
  type RecordRule,
} from '#ltc/platform';
import type { EngineContexts } from './engine-options.js';

/** The live feed names changed records of the kinds the caller may list, never their data. */
const LIVE_CHANGES: RecordRule = {
  scope: 'tenant',
  label: 'changes of listable kinds',
  description:
    'Stream, type and position of each change in the caller’s tenant to a kind of record the caller may list (leads, opportunities, contracts, tickets); no event data.',
};

/** The engine's projections (readers of their status; rebuild and restart are admins' only), its live feed and its metrics. */
export const enginePermissions: PermissionTable = {
  'GET /projections': grant(['sales_manager', 'service_manager', 'auditor']),
  'GET /projections/runner': grant(['sales_manager', 'service_manager', 'auditor']),
  'POST /projections/{name}/rebuild': ADMIN_ONLY,
  'POST /projections/{name}/restart': ADMIN_ONLY,
  'GET /live': grant(
    ['sales_manager', 'ar', 'sr', 'fr', 'service_agent', 'service_manager', 'auditor', 'marketing'],
    LIVE_CHANGES,
  ),
  // Past the guard: the route checks LTC_METRICS_TOKEN itself, a scraper's secret rather than a user's token.
  'GET /metrics': PUBLIC_ROUTE,
};

/** The whole matrix of an engine composed of these contexts: the platform's, the engine's and theirs. */
export function permissionMatrixOf(contexts: EngineContexts): PermissionMatrix {
  return permissionMatrix([
    { owner: 'platform', table: platformPermissions },
    { owner: 'engine', table: enginePermissions },
    ...contexts.map((context) => ({ owner: context.name, table: context.permissions ?? {} })),
  ]);
}
