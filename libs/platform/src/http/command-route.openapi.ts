import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import type { CommandResponse } from './command-response.js';

/** The usual promise of an Idempotency-Key, for routes that have nothing more specific to say. */
export const RETRIED_ONCE = 'Retries with the same key take effect once and get the first response';

/** How a command route documents its two command headers. */
export interface CommandHeadersDoc {
  /** What a retry with the same Idempotency-Key does here; `false` on a route that takes none. */
  readonly idempotencyKey?: string | false;
  /** What a stale If-Match does here; `false` on a route with no revision to match. */
  readonly ifMatch?: string | false;
}

/**
 * OpenAPI for the headers of a command route: `Idempotency-Key` and `If-Match`, both optional,
 * each described when the route says more than its name (`undefined`: listed without a
 * description). openapi-conventions derives the 412 and 422 answers from these headers, so a
 * route that takes them must list them. Works on a controller class or on one route.
 */
export function ApiCommandHeaders(doc: CommandHeadersDoc = {}): MethodDecorator & ClassDecorator {
  const header = (name: string, description: string | undefined) =>
    ApiHeader({ name, required: false, ...(description === undefined ? {} : { description }) });
  return applyDecorators(
    ...(doc.idempotencyKey === false ? [] : [header('Idempotency-Key', doc.idempotencyKey)]),
    ...(doc.ifMatch === false ? [] : [header('If-Match', doc.ifMatch)]),
  );
}

/** One event a command wrote. */
export class CommandEventDto {
  @ApiProperty({ example: '7d0a4c53-9f3e-4a1d-8c7e-9b100b6c1f5e' }) id!: string;
  @ApiProperty({ example: 'LeadCaptured' }) type!: string;
  @ApiProperty({ example: 0, description: 'Its revision in the stream' }) revision!: number;
}

/** What every command route answers (see `commandResponse()`): the entity, its new revision and the events written. */
export class CommandResponseDto implements CommandResponse {
  @ApiProperty({ example: '0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10', description: 'The entity the command addressed' })
  id!: string;
  @ApiProperty({ nullable: true, type: Number, example: 0, description: 'Stream revision; send it back in If-Match' })
  revision!: number | null;
  @ApiProperty({ type: [CommandEventDto], description: 'Empty when the command changed nothing' })
  events!: CommandEventDto[];
}
