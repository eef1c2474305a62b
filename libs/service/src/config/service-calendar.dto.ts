import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** `HH:MM` to `HH:MM` in the calendar's zone; the rules (format, order, overlap) are `calendarProblems`'. */
export class WorkingPeriodDto {
  @ApiProperty({ example: '08:00' }) @IsString() from!: string;
  @ApiProperty({ example: '17:00', description: '`24:00` ends the day' }) @IsString() to!: string;
}

/** One weekday's periods: optional, since a day left out is not worked. */
const day = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [WorkingPeriodDto], description: 'Left out or empty: not worked' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(12),
    ValidateNested({ each: true }),
    Type(() => WorkingPeriodDto),
  );

/** Working periods by ISO weekday, 1 Monday … 7 Sunday. */
export class WeekDto {
  @day() '1'?: WorkingPeriodDto[];
  @day() '2'?: WorkingPeriodDto[];
  @day() '3'?: WorkingPeriodDto[];
  @day() '4'?: WorkingPeriodDto[];
  @day() '5'?: WorkingPeriodDto[];
  @day() '6'?: WorkingPeriodDto[];
  @day() '7'?: WorkingPeriodDto[];
}

/** Body of `PUT /calendars/{id}`: the whole calendar; a new version replaces the last one whole. */
export class ServiceCalendarDefinitionDto {
  @ApiProperty({ example: 'Stockholm office' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'Europe/Stockholm', description: 'An IANA time zone' })
  @IsString()
  @Length(1, 64)
  timeZone!: string;

  @ApiProperty({ type: WeekDto })
  @ValidateNested()
  @Type(() => WeekDto)
  week!: WeekDto;

  @ApiProperty({ type: [String], example: ['2026-12-24'], description: 'Local dates not worked, YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  holidays!: string[];
}
