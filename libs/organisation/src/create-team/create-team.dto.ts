import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { REP_ID_PATTERN, TEAM_ID_PATTERN } from '../domain/org-ids.js';
import { REP_ID_MESSAGE, TEAM_ID_MESSAGE } from '../org-dto.js';

/** Body of `POST /teams`. The caller chooses the team's id. */
export class CreateTeamDto {
  @ApiProperty({ example: 'emea-north', description: 'Slug: lower-case letters, digits, - and _; never changes' })
  @Matches(TEAM_ID_PATTERN, { message: `id ${TEAM_ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'EMEA North' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'astrid', description: 'Rep id or user sub of the manager' })
  @Matches(REP_ID_PATTERN, { message: `managerId ${REP_ID_MESSAGE}` })
  managerId!: string;
}
