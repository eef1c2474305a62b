import { ROLES, type Role } from '../roles.js';

/** `METHOD /path/{param}`, exactly as the operation is keyed in the OpenAPI document. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

/**
 * How far a role's view of a route's records reaches. The generated permission test relies on
 * it: a caller who is part of no record (a stranger, no team) sees `tenant` and `team` records
 * (a manager without a team heads the whole tenant), and no `related` one.
 */
export type RecordScope = 'tenant' | 'team' | 'related';

/** Which records a role sees on a route: a label for the table's cell and a sentence for people. */
export interface RecordRule {
  readonly scope: RecordScope;
  /** Short, for a cell of docs/permissions.md (`own + pool`). */
  readonly label: string;
  readonly description: string;
}

/** The roles `admin` is added to implicitly: it may call every route and sees its whole tenant. */
export type GrantableRole = Exclude<Role, 'admin'>;

/** The roles that may call a route (besides `admin`), each with the records it sees there. */
export type RouteGrant = Readonly<Partial<Record<GrantableRole, RecordRule>>>;

/** A route anyone may call without a token (health). */
export const PUBLIC_ROUTE = 'public';

export type RoutePermission = RouteGrant | typeof PUBLIC_ROUTE;

/** Every route of a part of the engine with who may call it; a route not in it is refused to everyone. */
export type PermissionTable = Readonly<Record<RouteKey, RoutePermission>>;

/** A part of the matrix under its owner's name (a context, the platform), for the rendered document. */
export interface PermissionPart {
  readonly owner: string;
  readonly table: PermissionTable;
}

/** The whole matrix: every part, and one lookup by route. */
export interface PermissionMatrix {
  readonly parts: readonly PermissionPart[];
  readonly routes: ReadonlyMap<RouteKey, RoutePermission>;
}

/** Joins the parts; a route claimed by two parts is a mistake in one of them and refuses to start. */
export function permissionMatrix(parts: readonly PermissionPart[]): PermissionMatrix {
  const routes = new Map<RouteKey, RoutePermission>();
  const owners = new Map<RouteKey, string>();
  for (const part of parts) {
    for (const [key, permission] of Object.entries(part.table) as [RouteKey, RoutePermission][]) {
      const other = owners.get(key);
      if (other !== undefined) throw new Error(`${key} is in the permissions of both ${other} and ${part.owner}`);
      owners.set(key, part.owner);
      routes.set(key, permission);
    }
  }
  return { parts, routes };
}

/** One table from the tables of a context's libraries; a route in two of them is a mistake. */
export function combinePermissions(...tables: readonly PermissionTable[]): PermissionTable {
  const combined: Record<RouteKey, RoutePermission> = {};
  for (const table of tables) {
    for (const [key, permission] of Object.entries(table) as [RouteKey, RoutePermission][]) {
      if (key in combined) throw new Error(`${key} is in two permission tables`);
      combined[key] = permission;
    }
  }
  return combined;
}

/** The roles besides `admin` a route grants, in the order of ROLES; none for a public route. */
export function grantedRoles(permission: RoutePermission): GrantableRole[] {
  return permission === PUBLIC_ROUTE
    ? []
    : ROLES.filter((role): role is GrantableRole => role !== 'admin' && permission[role] !== undefined);
}

/** Whether a caller with these roles may call a route: `admin` always, otherwise one granted role. */
export function mayCall(permission: RoutePermission | undefined, roles: readonly Role[]): boolean {
  if (permission === undefined) return false;
  if (permission === PUBLIC_ROUTE) return true;
  return roles.some((role) => role === 'admin' || permission[role] !== undefined);
}

/** What one role sees on a route, `undefined` when it may not call it; `admin` sees the tenant. */
export function recordRuleFor(permission: RoutePermission | undefined, role: Role): RecordRule | undefined {
  if (permission === undefined || permission === PUBLIC_ROUTE) return undefined;
  return role === 'admin' ? EVERY_RECORD : permission[role];
}

/** The common rule of routes that are not about one person's records (configuration, analytics, audit). */
export const EVERY_RECORD: RecordRule = {
  scope: 'tenant',
  label: 'all',
  description: 'Everything of the caller’s tenant.',
};

/** Grants the same rule to several roles: `grant(['ar', 'sr'], OWN)` */
export function grant(roles: readonly GrantableRole[], rule: RecordRule = EVERY_RECORD): RouteGrant {
  return Object.fromEntries(roles.map((role) => [role, rule]));
}

/** Only `admin` may call the route. */
export const ADMIN_ONLY: RouteGrant = Object.freeze({});

/** A route that creates a record: it sees none, the new one is the caller's tenant's. */
export const CREATES: RecordRule = {
  scope: 'tenant',
  label: 'creates',
  description: 'Creates a record in the caller’s tenant; reads none.',
};

/** The caller's own things only: their inbox, notifications, workload, availability. */
export const OWN_RECORDS: RecordRule = {
  scope: 'related',
  label: 'own',
  description:
    'Only the caller’s own (their inbox, notifications, workload, availability); another person’s is refused.',
};
