import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TEAM_ID_PATTERN } from '../domain/org-ids.js';
import type { RepRole } from '../domain/rep.types.js';
import { IsOmittable, RepRolesProperty, TEAM_ID_MESSAGE, TerritoriesDto } from '../org-dto.js';

/**
 * Body of `PATCH /reps/{id}`: the profile fields to change. An omitted field (or
 * territory list) stays as it is; `"team": null` takes the rep out of their team.
 */
export class ChangeRepProfileDto {
  @ApiPropertyOptional({ example: 'Ingrid Lund-Berg' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'ingrid@nordfrakt.example' })
  @IsOmittable()
  @IsEmail()
  email?: string;

  @RepRolesProperty({ required: false })
  @IsOmittable()
  roles?: RepRole[];

  @ApiPropertyOptional({ nullable: true, type: String, example: 'emea-north', description: 'null = no team' })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: `team ${TEAM_ID_MESSAGE}` })
  team?: string | null;

  @ApiPropertyOptional({ type: TerritoriesDto, description: 'Only the lists sent are replaced' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => TerritoriesDto)
  territories?: TerritoriesDto;
}
