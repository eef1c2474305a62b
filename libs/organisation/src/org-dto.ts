import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { REP_ID_PATTERN, TEAM_ID_PATTERN } from './domain/org-ids.js';
import { CAPACITY_LIMITS, DEAL_SIZE_BANDS, REP_ROLES, type DealSizeBand } from './domain/rep.types.js';

/**
 * Optional, but not nullable: unlike `@IsOptional()`, a `null` is still validated (and
 * refused), so `"name": null` in a PATCH is a 400 rather than a silent no-op.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

export const REP_ID_MESSAGE = 'must be a token subject: letters, digits and . _ : @ | + - (at most 128)';
export const TEAM_ID_MESSAGE = 'must be a slug: lower-case letters, digits, - and _ (at most 63), e.g. emea-north';

export class RepIdParamDto {
  @ApiProperty({ description: "The rep's token subject", example: 'ingrid' })
  @Matches(REP_ID_PATTERN, { message: `id ${REP_ID_MESSAGE}` })
  id!: string;
}

export class TeamIdParamDto {
  @ApiProperty({ example: 'emea-north' })
  @Matches(TEAM_ID_PATTERN, { message: `id ${TEAM_ID_MESSAGE}` })
  id!: string;
}

/** A rep's roles: at least one of the iron-triangle roles, no repeats. */
export const RepRolesProperty = (options: { readonly required: boolean }): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ enum: REP_ROLES, isArray: true, example: ['ar'], required: options.required }),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(REP_ROLES, { each: true }),
  );

const TerritoryList = (example: string[]): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example, description: 'Empty or omitted = any' }),
    IsOmittable(),
    IsArray(),
    ArrayMaxSize(200),
    IsString({ each: true }),
    Length(1, 100, { each: true }),
  );

/** Where a rep may get leads. On `POST /reps` an omitted list is "any"; on `PATCH` it stays as it was. */
export class TerritoriesDto {
  @TerritoryList(['EMEA'])
  regions?: string[];

  @TerritoryList(['sv', 'en'])
  languages?: string[];

  @TerritoryList(['Logistics'])
  industries?: string[];

  @ApiPropertyOptional({ enum: DEAL_SIZE_BANDS, isArray: true, description: 'Empty or omitted = any' })
  @IsOmittable()
  @IsArray()
  @IsIn(DEAL_SIZE_BANDS, { each: true })
  dealSizeBands?: DealSizeBand[];
}

/** Body of `PUT /reps/{id}/capacity`, and `capacity` of `POST /reps`. */
export class CapacityDto {
  @ApiProperty({ minimum: CAPACITY_LIMITS.maxOpenLeads.min, maximum: CAPACITY_LIMITS.maxOpenLeads.max, example: 50 })
  @IsInt()
  @Min(CAPACITY_LIMITS.maxOpenLeads.min)
  @Max(CAPACITY_LIMITS.maxOpenLeads.max)
  maxOpenLeads!: number;

  @ApiProperty({
    minimum: CAPACITY_LIMITS.dailyQuota.min,
    maximum: CAPACITY_LIMITS.dailyQuota.max,
    example: 10,
    description: 'New leads per day; 0 = no quota',
  })
  @IsInt()
  @Min(CAPACITY_LIMITS.dailyQuota.min)
  @Max(CAPACITY_LIMITS.dailyQuota.max)
  dailyQuota!: number;
}

/** Paging of the list routes (shared by every context). */
export { PageQueryDto } from '#ltc/platform';
