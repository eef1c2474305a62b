import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { CONFIG_SLUG } from '../domain/config/index.js';

export const SLUG_MESSAGE = 'must be a slug: a lower-case letter, then up to 39 lower-case letters, digits, _ or -';

/** `/sla-policies/{id}`, `/calendars/{id}`, `/service-groups/{id}`: ids are slugs chosen per tenant. */
export class ConfigIdParamDto {
  @ApiProperty({ example: 'gold', description: 'The id, a slug chosen by the tenant' })
  @Matches(CONFIG_SLUG, { message: `id ${SLUG_MESSAGE}` })
  id!: string;
}

/** `/service-entitlements/{contractId}`: a contract's id (its deal's id). */
export class EntitlementContractParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  contractId!: string;
}

/** The answer of every configuration PUT: the command's answer and the version now in force. */
export class ConfiguredView {
  @ApiProperty({ example: 'gold' }) id!: string;
  @ApiProperty({ nullable: true, type: Number, example: 0, description: 'Stream revision; send it back in If-Match' })
  revision!: number | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Empty when nothing changed' })
  events!: { id: string; type: string; revision: number }[];
  @ApiProperty({ example: 1, description: 'The version in force after the command' }) version!: number;
}

/** Each configuration event is one version more, from version 1 at revision 0 (0: never stored). */
export const versionAt = (revision: number | null): number => (revision === null ? 0 : revision + 1);
