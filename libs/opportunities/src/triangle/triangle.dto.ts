import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';
import { OptionalReasonDto } from '../opportunity-text.dto.js';

const PERSON = 'must be a user id (letters, digits, . _ : @ | + -)';

/** Body of `PUT /opportunities/{id}/triangle`: who holds each seat (null or omitted: empty). */
export class TriangleDto extends OptionalReasonDto {
  @ApiProperty({ example: 'rep-ingrid', description: 'Account responsible (owns the deal); must hold `ar`' })
  @Matches(USER_ID_PATTERN, { message: `ar ${PERSON}` })
  ar!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'rep-sven', description: 'Must hold `sr`' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: `sr ${PERSON}` })
  sr?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'rep-fia', description: 'Must hold `fr`' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: `fr ${PERSON}` })
  fr?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'maria', description: 'Who authorises the deal' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: `sponsor ${PERSON}` })
  sponsor?: string | null;
}
