import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { CALENDAR_DATE } from '#ltc/platform';
import { CONFIG_SLUG } from '../domain/config/index.js';
import { SLUG_MESSAGE } from './config-id.dto.js';

/** Body of `PUT /service-entitlements/{contractId}`. */
export class ServiceEntitlementDefinitionDto {
  @ApiProperty({ example: 'gold', description: 'The SLA policy the contract entitles its customer to' })
  @Matches(CONFIG_SLUG, { message: `policyId ${SLUG_MESSAGE}` })
  policyId!: string;

  @ApiProperty({ nullable: true, type: String, example: '2028-06-30', description: 'Last day of warranty; null: none' })
  @ValidateIf((_, value) => value !== null)
  @Matches(CALENDAR_DATE, { message: 'warrantyEndsOn must be a date, YYYY-MM-DD' })
  warrantyEndsOn!: string | null;
}
