import {
  ADMIN_ONLY,
  grant,
  permissionMatrix,
  platformPermissions,
  type PermissionMatrix,
  type PermissionTable,
} from '#ltc/platform';
import type { EngineContexts } from './engine-options.js';

/** The engine's projections: readers of their status; rebuild and restart are admins' only. */
export const enginePermissions: PermissionTable = {
  'GET /projections': grant(['sales_manager', 'service_manager', 'auditor']),
  'GET /projections/runner': grant(['sales_manager', 'service_manager', 'auditor']),
  'POST /projections/{name}/rebuild': ADMIN_ONLY,
  'POST /projections/{name}/restart': ADMIN_ONLY,
};

/** The whole matrix of an engine composed of these contexts: the platform's, the engine's and theirs. */
export function permissionMatrixOf(contexts: EngineContexts): PermissionMatrix {
  return permissionMatrix([
    { owner: 'platform', table: platformPermissions },
    { owner: 'engine', table: enginePermissions },
    ...contexts.map((context) => ({ owner: context.name, table: context.permissions ?? {} })),
  ]);
}
