import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';
import { CONFIG_SLUG } from '../domain/config/index.js';
import { LINES, type Line } from '../domain/service-vocabulary.js';
import { SLUG_MESSAGE } from './config-id.dto.js';

const PERSON = 'a user id (letters, digits, . _ : @ | + -)';

/** Body of `PUT /service-groups/{id}`: the whole group; a new version replaces the last one whole. */
export class ServiceGroupDefinitionDto {
  @ApiProperty({ example: 'Hotline' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: LINES, example: 1, description: '1 field and hotline, 2 experts, 3 R&D' })
  @IsIn(LINES)
  line!: Line;

  @ApiProperty({ nullable: true, type: String, example: 'lena', description: 'The group lead; null: none' })
  @ValidateIf((_, value) => value !== null)
  @Matches(USER_ID_PATTERN, { message: `lead must be ${PERSON}` })
  lead!: string | null;

  @ApiProperty({ type: [String], example: ['lena', 'olle'] })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(USER_ID_PATTERN, { each: true, message: `each member must be ${PERSON}` })
  members!: string[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'stockholm',
    description: "The calendar of the group's OLA due times; null or left out: the ticket policy's",
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(CONFIG_SLUG, { message: `calendarId ${SLUG_MESSAGE}` })
  calendarId?: string | null;
}
