import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * What a user id (a token's `sub`, and so a rep's id) may look like: identity providers
 * use forms such as `auth0|5f…` or `user@example.com`.
 */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,127}$/;

/** A query parameter's comma-separated values as a list (`?status=a,b` → `['a', 'b']`), for `@Transform`. */
export const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** `limit`: how many items a page holds, 1–500, 50 unless given. */
const PageLimit = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ default: 50, maximum: 500 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(500),
  );

/** Paging of every list route. */
export class PageQueryDto {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** Keyset paging of a list route: `limit` and the `nextCursor` of the previous page (see `encodePageCursor`). */
export class CursorPageQueryDto {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,1024}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

/** A route parameter naming a user (a rep is a user): `/reps/{id}/…`. */
export class UserIdParamDto {
  @ApiProperty({ description: "The person's token subject", example: 'rep-ingrid' })
  @Matches(USER_ID_PATTERN, { message: 'id must be a user id (letters, digits, . _ : @ | + -)' })
  id!: string;
}

/** `?asOf=`: an instant in the past to read at; `what` says what is folded as it stood then. */
export const AsOfProperty = (what = 'The state'): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        `${what} as it was at this instant (ISO-8601), folded from the events the store had recorded by then; ` +
        'a record that did not exist yet is a 404',
      example: '2026-03-02T12:00:00Z',
    }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 instant such as 2026-03-02T12:00:00Z' }),
  );

/** `?asOf=` of a record's detail. */
export class AsOfQueryDto {
  @AsOfProperty()
  asOf?: string;
}

/** The instant `?asOf=` names; undefined: now. */
export const asOfInstant = (query: { readonly asOf?: string }): Date | undefined =>
  query.asOf === undefined ? undefined : new Date(query.asOf);
