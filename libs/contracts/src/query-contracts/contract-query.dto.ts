import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ID_PATTERN } from '#ltc/platform';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export const CONTRACT_STATUSES = ['draft', 'signed', 'handed_over', 'closed', 'terminated'] as const;

/** `/contracts/{id}`: the contract's id is its deal's. */
export class ContractIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** The filters the list and the balance totals share. */
export class ContractFilterQueryDto {
  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated', example: 'handed_over' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(CONTRACT_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'The AR, a user id' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'ar must be a user id' })
  ar?: string;

  @ApiPropertyOptional({ description: 'The FR, a user id' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'fr must be a user id' })
  fr?: string;

  @ApiPropertyOptional({ description: 'Text in the name or the account' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class ContractListQueryDto extends ContractFilterQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
