import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators.js';
import type { Caller, Role } from './roles.js';
import { InvalidTokenError, TokenService } from './token.service.js';

/** The caller lacks every role the route allows. Mapped to 403. */
export class ForbiddenRoleError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(readonly allowed: readonly Role[]) {
    super(`This action needs one of the roles: ${allowed.join(', ')}`);
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

/** Verifies the bearer token on every non-public route and checks the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new InvalidTokenError('Send "Authorization: Bearer <token>"');
    const caller = await this.tokens.verify(match[1]);
    request.caller = caller;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (allowed && !caller.roles.some((role) => role === 'admin' || allowed.includes(role))) {
      throw new ForbiddenRoleError(allowed);
    }
    request.actingRole = actingRole(caller, allowed);
    return true;
  }
}

/** The role a caller acts in on a route: the first of theirs the route allows. */
export function actingRole(caller: Caller, allowed?: readonly Role[]): Role {
  const fitting = allowed ? caller.roles.find((role) => allowed.includes(role)) : undefined;
  return fitting ?? caller.roles[0] ?? 'auditor';
}
