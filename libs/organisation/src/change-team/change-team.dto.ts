import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { REP_ID_PATTERN } from '../domain/org-ids.js';
import { IsOmittable, REP_ID_MESSAGE } from '../org-dto.js';

/** Body of `PATCH /teams/{id}`: the fields to change; sending the current values changes nothing. */
export class ChangeTeamDto {
  @ApiPropertyOptional({ example: 'Nordics' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'bo', description: 'Rep id or user sub of the new manager' })
  @IsOmittable()
  @Matches(REP_ID_PATTERN, { message: `managerId ${REP_ID_MESSAGE}` })
  managerId?: string;
}
