import {
  ROLES,
  mayCall,
  recordRuleFor,
  type PermissionMatrix,
  type RouteKey,
  type RoutePermission,
  type Role,
} from '#ltc/platform';

/** One operation of the OpenAPI document. */
export interface DocumentedRoute {
  readonly key: RouteKey;
  readonly method: string;
  readonly template: string;
  readonly secured: boolean;
  /** Its path names a seeded record of tenant A itself (a lead, deal, contract or ticket), not a list. */
  readonly names: 'record' | 'list-or-other';
}

/** What one role got from one route (a token of tenant A whose subject is part of no record). */
export interface RoleAnswer {
  readonly route: DocumentedRoute;
  readonly role: Role;
  readonly status: number;
  readonly code: string | undefined;
  /** Which of tenant A's seeded record ids the answer shows. */
  readonly shows: readonly string[];
}

/**
 * What the matrix says each answer must be, as a list of the answers that break it:
 * - a route of the document without an entry breaks it (a new route must be added to the matrix);
 * - a role the entry does not grant gets 403 FORBIDDEN; a granted role never does;
 * - a role whose rule reaches only `related` records sees none of tenant A's (a stranger is part of
 *   none): 404 on the record itself, nothing of them in a list, or a record-level refusal of another
 *   person's list (403 with its own code);
 * - a role whose rule reaches the tenant (or, without a team, the team) gets what admin gets: the
 *   record when admin gets it.
 * Server errors break it everywhere.
 */
export function matrixViolations(
  matrix: PermissionMatrix,
  routes: readonly DocumentedRoute[],
  answers: readonly RoleAnswer[],
): string[] {
  const violations = routes
    .filter((route) => route.secured && !matrix.routes.has(route.key))
    .map((route) => `${route.key}: no entry in the permission matrix`);
  const adminAnswer = new Map(answers.filter((a) => a.role === 'admin').map((a) => [a.route.key, a]));
  for (const answer of answers) {
    const permission = matrix.routes.get(answer.route.key);
    if (permission === undefined) continue;
    const problem = problemWith(answer, permission, adminAnswer.get(answer.route.key));
    if (problem !== undefined) violations.push(`${answer.route.key} as ${answer.role}: ${problem}`);
  }
  return violations;
}

function problemWith(
  answer: RoleAnswer,
  permission: RoutePermission,
  admin: RoleAnswer | undefined,
): string | undefined {
  const { status, code } = answer;
  if (status >= 500) return `server error ${status}`;
  const refusedByRole = status === 403 && code === 'FORBIDDEN';
  if (!mayCall(permission, [answer.role])) return refusedByRole ? undefined : `expected 403 FORBIDDEN, got ${status}`;
  if (refusedByRole) return 'refused with 403 although the matrix grants the role';
  // Record rules are judged on reads: a command's empty body is refused before any record is looked at.
  if (answer.route.method !== 'GET' || admin === undefined) return undefined;
  const rule = recordRuleFor(permission, answer.role);
  const adminSaw = admin.status < 300;
  if (rule?.scope === 'related') {
    if (answer.route.names === 'record') return adminSaw && status !== 404 ? `expected 404, got ${status}` : undefined;
    if (answer.shows.length > 0) return `a list shows records the role may not see: ${answer.shows.join(', ')}`;
    return status < 300 || status === 404 || status === 403 ? undefined : `unexpected ${status}`;
  }
  if (answer.route.names === 'record' && adminSaw && status >= 300) return `expected the record, got ${status}`;
  return undefined;
}

/** What the sales managers of the records' team and of another team got from a route whose cell says `team`. */
export interface TeamAnswer {
  readonly route: DocumentedRoute;
  readonly ownTeam: { readonly status: number; readonly shows: readonly string[] };
  readonly otherTeam: { readonly status: number; readonly shows: readonly string[] };
}

/**
 * A `team` cell, for a sales manager who heads a team: the manager of the records' team gets
 * them where admin does, the manager of another team gets a 404 on a record and lists without
 * them.
 */
export function teamViolations(adminAnswers: readonly RoleAnswer[], answers: readonly TeamAnswer[]): string[] {
  const adminSaw = new Set(adminAnswers.filter((a) => a.status < 300).map((a) => a.route.key));
  return answers.flatMap(({ route, ownTeam, otherTeam }): string[] => {
    if (!adminSaw.has(route.key)) return [];
    if (ownTeam.status >= 300) return [`${route.key}: the team's manager got ${ownTeam.status}`];
    if (route.names === 'record') {
      return otherTeam.status === 404
        ? []
        : [`${route.key}: another team's manager got ${otherTeam.status}, expected 404`];
    }
    return otherTeam.shows.length === 0
      ? []
      : [`${route.key}: another team's manager sees ${otherTeam.shows.join(', ')}`];
  });
}

/** What a token of another tenant got with tenant A's ids in the path, and with unknown ids instead. */
export interface ForeignAnswer {
  readonly route: DocumentedRoute;
  readonly status: number;
  readonly code: string | undefined;
  readonly shows: readonly string[];
  /** The same request with a fresh unknown id in place of the record's (routes naming a record). */
  readonly unknown?: { readonly status: number; readonly code: string | undefined };
}

/**
 * Another tenant sees nothing of tenant A: a read naming one of A's records answers 404, and any
 * request naming one answers exactly as it does for an id nobody has (a command may refuse the
 * caller or an empty body first, the same for both); no answer shows any of A's records.
 */
export function tenantViolations(answers: readonly ForeignAnswer[]): string[] {
  return answers.flatMap(({ route, status, code, shows, unknown }) => {
    if (status >= 500) return [`${route.key}: server error ${status}`];
    if (shows.length > 0) return [`${route.key}: another tenant sees ${shows.join(', ')}`];
    if (route.names !== 'record') return [];
    if (route.method === 'GET' && status !== 404) return [`${route.key}: another tenant got ${status}, expected 404`];
    if (unknown !== undefined && (unknown.status !== status || unknown.code !== code)) {
      return [
        `${route.key}: another tenant got ${status} ${code}, but ${unknown.status} ${unknown.code} for an unknown id`,
      ];
    }
    return [];
  });
}

/** Every role a token can carry, admin first (the reference the tenant-wide rules are judged against). */
export const ROLES_TO_CHECK: readonly Role[] = ['admin', ...ROLES.filter((role) => role !== 'admin')];

/** The matrix without one route's entry, or without one role of it: for the test of the test. */
export function matrixWithout(matrix: PermissionMatrix, key: RouteKey, role?: Role): PermissionMatrix {
  const routes = new Map(matrix.routes);
  const entry = routes.get(key);
  if (role === undefined || entry === undefined || typeof entry === 'string') routes.delete(key);
  else routes.set(key, Object.fromEntries(Object.entries(entry).filter(([granted]) => granted !== role)));
  return { parts: matrix.parts, routes };
}
