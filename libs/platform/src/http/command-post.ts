import { HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CommandResponseDto } from './command-route.openapi.js';

/** What a command route on an existing record says about itself in the OpenAPI document. */
export interface CommandPostDoc {
  readonly summary: string;
  /** What the 200 answer means, when more than "the events written". */
  readonly ok?: string;
  /** The 409 codes the current state can give, e.g. `LEAD_CLOSED`. */
  readonly conflicts?: string;
}

/**
 * `POST <path>` for a command on an existing record: answers 200 with `CommandResponseDto`,
 * documented with its summary and 409 codes. The headers and the
 * other error answers come from `ApiCommandHeaders` and the OpenAPI conventions.
 */
export function CommandPost(path: string, doc: CommandPostDoc): MethodDecorator {
  return applyDecorators(
    Post(path),
    ApiOperation({ summary: doc.summary }),
    HttpCode(200),
    ApiOkResponse({ type: CommandResponseDto, ...(doc.ok === undefined ? {} : { description: doc.ok }) }),
    ...(doc.conflicts === undefined ? [] : [ApiConflictResponse({ description: doc.conflicts })]),
  );
}
