import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { REP_ID_PATTERN, TEAM_ID_PATTERN } from '../domain/org-ids.js';
import type { RepRole } from '../domain/rep.types.js';
import {
  CapacityDto,
  REP_ID_MESSAGE,
  RepRolesProperty,
  TEAM_ID_MESSAGE,
  TerritoriesDto,
  IsOmittable,
} from '../org-dto.js';

/** Body of `POST /reps`. */
export class RegisterRepDto {
  @ApiPropertyOptional({
    example: 'ingrid',
    description: 'The `sub` of the token the rep signs in with; omitted = a generated UUID (returned as `id`)',
  })
  @IsOmittable()
  @Matches(REP_ID_PATTERN, { message: `id ${REP_ID_MESSAGE}` })
  id?: string;

  @ApiProperty({ example: 'Ingrid Lund' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'ingrid@nordfrakt.example' })
  @IsEmail()
  email!: string;

  @RepRolesProperty({ required: true })
  roles!: RepRole[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'emea-north',
    description: 'Team id; the team must exist (409 TEAM_NOT_FOUND); null or omitted = no team',
  })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: `team ${TEAM_ID_MESSAGE}` })
  team?: string | null;

  @ApiPropertyOptional({ type: TerritoriesDto, description: 'Omitted = any territory' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => TerritoriesDto)
  territories?: TerritoriesDto;

  @ApiPropertyOptional({ type: CapacityDto, description: 'Omitted = 50 open leads, no daily quota' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;
}
