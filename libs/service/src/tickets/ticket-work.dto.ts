import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { LINES, WAIT_REASONS, type Line, type WaitReason } from '../domain/service-vocabulary.js';
import { OwnerDto } from './ticket-intake.dto.js';
import { OneOf, OptionalText, Text } from './ticket-text.dto.js';

/** Body of `POST /tickets/{id}/escalate` and `/de-escalate`: the line, why, and the new owner (else the line's queue). */
export class MoveLineDto extends OwnerDto {
  @OneOf(LINES, 2)
  toLine!: Line;

  @Text(2_000, 'Firmware fault: needs the experts')
  reason!: string;
}

/** Body of `POST /tickets/{id}/progress`. */
export class ProgressDto {
  @Text(10_000, 'Replacement antennas shipped')
  note!: string;

  @OneOf(['customer', 'internal'], 'customer')
  visibility!: 'customer' | 'internal';
}

/** Body of `POST /tickets/{id}/wait`. */
export class WaitDto {
  @OneOf(WAIT_REASONS, 'customer')
  reason!: WaitReason;

  @OptionalText(10_000, 'Asked for the unit serial numbers')
  note?: string | null;
}

/** Body of `POST /tickets/{id}/plan`. */
export class ProposePlanDto {
  @Text(2_000, 'Replace the antennas of the twelve units')
  summary!: string;

  @ApiPropertyOptional({ type: [String], example: ['Ship parts', 'Swap on site'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 2_000, { each: true })
  steps?: string[];
}

/** Body of `POST /tickets/{id}/plan/assess`. */
export class AssessPlanDto {
  @OneOf(['approved', 'rejected'], 'approved')
  decision!: 'approved' | 'rejected';

  @OptionalText(10_000)
  note?: string | null;
}
