import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { OptionalReasonDto } from '../opportunity-text.dto.js';
import { PIPELINE_SLUG } from '../pipelines/pipeline.dto.js';

/** Body of `POST /opportunities/{id}/win`. */
export class WinOpportunityDto extends OptionalReasonDto {
  @ApiProperty({ example: 2, description: 'The quote version the customer signed; it must have been sent' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quoteVersion!: number;
}

/** Body of `POST /opportunities/{id}/lose`. */
export class LoseOpportunityDto {
  @ApiProperty({ example: 'price', description: "One of the pipeline's loss reasons" })
  @Matches(PIPELINE_SLUG, { message: 'reasonCode must be a loss reason code (a lower-case slug)' })
  reasonCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Acme Telematics' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  competitor?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Went with the cheaper offer' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
