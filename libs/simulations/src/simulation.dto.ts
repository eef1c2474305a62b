import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, Matches } from 'class-validator';

const KIND = /^[a-z][a-z_]{0,49}$/;
const SCOPE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** A what-if: which policy, proposed how, over which stretch of history. */
export class SimulationRequestDto {
  @ApiProperty({
    description: 'What to try: `lead_distribution`, `lead_scoring` or `sla` (GET /simulations lists them)',
    example: 'lead_distribution',
  })
  @Matches(KIND, { message: 'kind must be a simulation kind such as lead_distribution' })
  kind!: string;

  @ApiPropertyOptional({
    description:
      'The proposed policy, in the shape its own route takes (omitted fields take their defaults). ' +
      'Omitted: the replay runs under the policies that were in force at the time, which reproduces what happened.',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject({ message: 'policy must be an object' })
  policy?: Record<string, unknown>;

  @ApiProperty({ description: 'Start of the period (ISO-8601, inclusive)', example: '2026-09-01T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant' })
  from!: string;

  @ApiProperty({ description: 'End of the period (ISO-8601, exclusive)', example: '2026-12-01T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 instant' })
  to!: string;

  @ApiPropertyOptional({
    description:
      'Narrows the replay: a sales team id for lead_distribution (default: the tenant-wide policy over every rep), ' +
      'an SLA policy id for sla (default: every ticket); GET /simulations says what each kind takes',
    example: 'nordics',
  })
  @IsOptional()
  @Matches(SCOPE, { message: 'scope must be an id such as a team id' })
  scope?: string;
}
