import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
} from '@nestjs/swagger';
import { ApiCommandHeaders, RETRIED_ONCE } from '#ltc/platform';

/** OpenAPI for the headers and errors every organisation command shares. */
export function ApiOrgCommand(options: { readonly existing: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiCommandHeaders({
      idempotencyKey: RETRIED_ONCE,
      ifMatch: 'The revision (ETag) last seen; a stale one answers 412 and changes nothing',
    }),
    ApiBadRequestResponse({ description: 'VALIDATION_FAILED, naming each field and rule' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN: the caller lacks the role' }),
    ApiPreconditionFailedResponse({ description: 'REVISION_MISMATCH: If-Match is stale' }),
    ...(options.existing ? [ApiNotFoundResponse({ description: 'REP_NOT_FOUND / TEAM_NOT_FOUND' })] : []),
  );
}
