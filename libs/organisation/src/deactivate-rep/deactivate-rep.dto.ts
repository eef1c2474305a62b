import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsOmittable } from '../org-dto.js';

/** Body of `POST /reps/{id}/deactivate`; may be empty. */
export class DeactivateRepDto {
  @ApiPropertyOptional({ example: 'Left the company' })
  @IsOmittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
