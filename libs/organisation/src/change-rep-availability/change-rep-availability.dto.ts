import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches } from 'class-validator';
import { IsOmittable } from '../org-dto.js';

/** Body of `PUT /reps/{id}/availability`. */
export class ChangeRepAvailabilityDto {
  @ApiProperty({ enum: ['active', 'away'], example: 'away' })
  @IsIn(['active', 'away'])
  status!: 'active' | 'away';

  @ApiPropertyOptional({
    example: '2026-03-09T07:00:00Z',
    description: 'Only with `away`: when the rep is back (a future time with a zone); omitted = until further notice',
  })
  @IsOmittable()
  @IsISO8601({ strict: true })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'until must be a time with a zone, e.g. 2026-03-09T07:00:00Z' })
  until?: string;
}
