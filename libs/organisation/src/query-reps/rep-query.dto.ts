import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TEAM_ID_PATTERN } from '../domain/org-ids.js';
import { REP_ROLES, type RepRole } from '../domain/rep.types.js';
import { PageQueryDto, TEAM_ID_MESSAGE } from '../org-dto.js';

/** Filters and paging of `GET /reps`. */
export class RepListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'emea-north', description: 'Team id' })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: `team ${TEAM_ID_MESSAGE}` })
  team?: string;

  @ApiPropertyOptional({ enum: REP_ROLES })
  @IsOptional()
  @IsIn(REP_ROLES)
  role?: RepRole;

  @ApiPropertyOptional({
    enum: ['active', 'away'],
    description: 'Availability now: `active` includes reps whose away time has passed',
  })
  @IsOptional()
  @IsIn(['active', 'away'])
  availability?: 'active' | 'away';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'false = deactivated reps only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
