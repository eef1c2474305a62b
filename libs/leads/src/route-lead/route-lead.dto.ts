import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';

export class ManualAssignDto {
  @ApiProperty({ description: 'The rep (their token subject) who gets the lead', example: 'rep-ingrid' })
  @Matches(USER_ID_PATTERN, { message: 'repId must be a rep id (letters, digits, . _ : @ | + -)' })
  repId!: string;

  @ApiPropertyOptional({ example: 'Knows the customer from an earlier deal' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class DeclineOfferDto {
  @ApiPropertyOptional({ example: 'At a customer site all day' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}
