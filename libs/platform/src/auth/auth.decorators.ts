import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from './roles.js';

/**
 * The authenticated caller, set by the auth guard. Who may call a route is not declared here but
 * in the permission matrix (auth/permissions), the one source the guard and docs/permissions.md use.
 */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ caller?: Caller }>();
  if (!request.caller) throw new Error('CurrentCaller used on a public route');
  return request.caller;
});
