import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';

const PERSON = 'must be user ids (letters, digits, . _ : @ | + -)';

/** Body of `POST /contracts/{id}/handover-meeting`: when, and who is invited (the triangle at least). */
export class ScheduleHandoverMeetingDto {
  @ApiProperty({ example: '2026-06-03T09:00:00Z', description: 'ISO 8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be an ISO 8601 date-time' })
  scheduledAt!: string;

  @ApiProperty({ type: [String], example: ['rep-ar', 'rep-sr', 'rep-fr'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(USER_ID_PATTERN, { each: true, message: `attendees ${PERSON}` })
  attendees!: string[];
}

/** An open item of the meeting and who owns it. */
export class OpenItemDto {
  @ApiProperty({ example: 'Confirm the depot opening hours' })
  @IsString()
  @Length(1, 1000)
  description!: string;

  @ApiProperty({ example: 'rep-fr' })
  @Matches(USER_ID_PATTERN, { message: `owner ${PERSON}` })
  owner!: string;
}

/** Body of `POST /contracts/{id}/handover-meeting/held`. */
export class HoldHandoverMeetingDto {
  @ApiProperty({ type: [String], example: ['rep-ar', 'rep-fr'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(USER_ID_PATTERN, { each: true, message: `attendeesPresent ${PERSON}` })
  attendeesPresent!: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [OpenItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OpenItemDto)
  openItems?: OpenItemDto[];

  @ApiPropertyOptional({ type: [String], example: ['Customer IT slow to approve access'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  risks?: string[];
}
