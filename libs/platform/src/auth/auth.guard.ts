import { Inject, Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { PUBLIC_ROUTE, grantedRoles, mayCall, type PermissionMatrix } from './permissions/permission-matrix.js';
import { PERMISSION_MATRIX } from './permissions/permission-matrix.token.js';
import { routeKeyOf } from './permissions/route-key.js';
import type { Caller, Role } from './roles.js';
import { InvalidTokenError, TokenService } from './token.service.js';

/** The caller lacks every role the route allows. Mapped to 403. */
export class ForbiddenRoleError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(readonly allowed: readonly Role[]) {
    super(
      allowed.length === 0
        ? 'This action is for admins only'
        : `This action needs one of the roles: ${allowed.join(', ')}`,
    );
    this.name = 'ForbiddenRoleError';
  }
}

/** The caller may use the route but not on this resource (e.g. another rep's work list). Mapped to 403. */
export class ForbiddenResourceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ForbiddenResourceError';
  }
}

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
  actingRole?: Role;
}

/**
 * Verifies the bearer token on every non-public route and holds the caller to the permission
 * matrix: the route's entry (by its OpenAPI key) names the roles that may call it (`admin` always
 * may). A route with no entry is refused to everyone, admins too — and the engine refuses to start
 * with one (PermissionCoverageCheck), so that is only a last line of defence.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(PERMISSION_MATRIX) private readonly matrix: PermissionMatrix,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const key = routeKeyOf(context.getClass<Type>(), context.getHandler());
    const permission = key === undefined ? undefined : this.matrix.routes.get(key);
    if (permission === PUBLIC_ROUTE) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new InvalidTokenError('Send "Authorization: Bearer <token>"');
    const caller = await this.tokens.verify(match[1]);
    request.caller = caller;
    const allowed = permission === undefined ? [] : grantedRoles(permission);
    if (!mayCall(permission, caller.roles)) throw new ForbiddenRoleError(allowed);
    request.actingRole = actingRole(caller, allowed);
    return true;
  }
}

/** The role a caller acts in on a route: the first of theirs the route allows. */
export function actingRole(caller: Caller, allowed?: readonly Role[]): Role {
  const fitting = allowed ? caller.roles.find((role) => allowed.includes(role)) : undefined;
  return fitting ?? caller.roles[0] ?? 'auditor';
}
