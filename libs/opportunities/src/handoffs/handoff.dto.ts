import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { CommandResponseDto, USER_ID_PATTERN } from '#ltc/platform';
import { HANDOFF_PHASES, type HandoffPhase } from '../domain/opportunity-vocabulary.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';

/** Body of `POST /opportunities/{id}/handoffs`: the one who leads asks a triangle member to take over. */
export class RequestHandoffDto {
  @ApiProperty({ example: 'rep-sven', description: 'Who is to take the lead: a member of the triangle' })
  @Matches(USER_ID_PATTERN, { message: 'to must be a user id (letters, digits, . _ : @ | + -)' })
  to!: string;

  @ApiProperty({ enum: HANDOFF_PHASES, example: 'bid' })
  @IsIn(HANDOFF_PHASES)
  phase!: HandoffPhase;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Customer wants a pilot in Q3' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['Confirm fleet size'] })
  @ValidateIf((_o, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  openItems?: string[];
}

/** `/opportunities/{id}/handoffs/{handoffId}`. */
export class HandoffParamDto extends OpportunityIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  handoffId!: string;
}

/** The answer of a handoff request: the command's answer and the new handoff's id. */
export class HandoffRequestedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The handoff, for accept / decline' })
  handoffId!: string;
}
