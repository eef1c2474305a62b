import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class LeadIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

const LEAD_NOT_FOUND =
  'LEAD_NOT_FOUND: no such lead, or one the caller may not see (the same answer, so the lead’s existence does not leak); nothing is written';

/** The 404 of every route on `/leads/{id}`, on a controller or a route (which may add what else a 404 can mean). */
export const ApiLeadNotFoundResponse = (alsoMeans?: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: alsoMeans ? `${LEAD_NOT_FOUND}. ${alsoMeans}` : LEAD_NOT_FOUND });
