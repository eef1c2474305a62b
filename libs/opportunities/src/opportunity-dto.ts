import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

// One money and date shape for every context's request bodies (libs/platform).
export { MoneyDto, CALENDAR_DATE } from '#ltc/platform';

/** `/opportunities/{id}`: the deal id, which is the lead id when a conversion opened it. */
export class OpportunityIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** `/opportunities/{id}/quotes/{version}`. */
export class QuoteVersionParamDto extends OpportunityIdParamDto {
  @ApiProperty({ example: 1, description: 'The quote version, from 1' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

const NOT_FOUND =
  'OPPORTUNITY_NOT_FOUND: no such deal, or one the caller may not see (the same answer, so its existence does not leak); nothing is written';

/** The 404 of every route on `/opportunities/{id}`. */
export const ApiOpportunityNotFound = (alsoMeans?: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: alsoMeans ? `${NOT_FOUND}. ${alsoMeans}` : NOT_FOUND });
