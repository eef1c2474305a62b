import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalReasonDto } from '../opportunity-text.dto.js';
import { PIPELINE_SLUG } from '../pipelines/pipeline.dto.js';

/** Body of `POST /opportunities/{id}/stage`. */
export class MoveStageDto extends OptionalReasonDto {
  @ApiProperty({ example: 'bid', description: "An open stage of the deal's pipeline" })
  @Matches(PIPELINE_SLUG, { message: 'stage must be a stage id (a lower-case slug)' })
  stage!: string;
}
