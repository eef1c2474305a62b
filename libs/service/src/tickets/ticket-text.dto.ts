import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';
import { CONFIG_SLUG } from '../domain/config/index.js';

/** A required free text of at most `max` characters. */
export const Text = (max: number, example: string): PropertyDecorator =>
  applyDecorators(ApiProperty({ example }), IsString(), Length(1, max));

/** An optional free text (absent, null or a string of at most `max`). */
export const OptionalText = (max: number, example?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, ...(example === undefined ? {} : { example }) }),
    IsOptional(),
    IsString(),
    Length(0, max),
  );

/** A service group's id (a slug), optional. */
export const OptionalGroup = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: 'hotline', description: 'A service group id' }),
    ValidateIf((_o, value) => value !== undefined && value !== null),
    Matches(CONFIG_SLUG, { message: 'group must be a service group id (a lower-case slug)' }),
  );

/** A person's user id, optional. */
export const OptionalPerson = (field: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: 'ali' }),
    ValidateIf((_o, value) => value !== undefined && value !== null),
    Matches(USER_ID_PATTERN, { message: `${field} must be a user id (letters, digits, . _ : @ | + -)` }),
  );

/** One of `values`, required. */
export const OneOf = (values: readonly (string | number)[], example: string | number): PropertyDecorator =>
  applyDecorators(ApiProperty({ enum: values, example }), IsIn([...values]));

/** One of `values`, optional. */
export const OptionalOneOf = (values: readonly (string | number)[]): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: values, nullable: true }),
    ValidateIf((_o, value) => value !== undefined && value !== null),
    IsIn([...values]),
  );

/** A body with an optional note (resume, implemented, close, complete a task). */
export class OptionalNoteDto {
  @OptionalText(10_000)
  note?: string | null;
}

/** A body that must say why (reopen). */
export class TicketReasonDto {
  @Text(2_000, 'Two units offline again')
  reason!: string;
}
