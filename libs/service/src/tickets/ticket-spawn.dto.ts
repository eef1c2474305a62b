import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, ValidateIf } from 'class-validator';
import { LINES, type Line } from '../domain/service-vocabulary.js';
import { OwnerDto } from './ticket-intake.dto.js';
import { OneOf, OptionalText, Text } from './ticket-text.dto.js';

/** Body of `POST /tickets/{id}/spawn-lead`: the sales need found in service. */
export class SpawnLeadDto {
  @Text(200, 'Fleet expansion')
  name!: string;

  @OptionalText(200, 'Nordfrakt AB')
  company?: string | null;

  @OptionalText(200, 'Nils Berg')
  contactPerson?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'nils.berg@nordfrakt.example' })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @OptionalText(50)
  phone?: string | null;

  @OptionalText(10_000, 'Wants 40 more units for the new depot')
  notes?: string | null;
}

/** Body of `POST /tickets/{id}/product-requirements`. */
export class RaiseRequirementDto {
  @Text(500, 'Sealed antenna housing')
  title!: string;

  @Text(20_000, 'Water gets into the antenna connector in heavy rain')
  description!: string;

  @OptionalText(200, 'TLM-100')
  product?: string | null;
}

/** Body of `POST /tickets/{id}/tasks`: an internal task under the OLA, owned by a group or engineer. */
export class OpenTaskDto extends OwnerDto {
  @Text(500, 'Analyse the modem logs')
  title!: string;

  @Text(100, 'analysis')
  kind!: string;

  @OneOf(LINES, 2)
  line!: Line;
}
