import { Controller, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommandHeaders } from '#ltc/platform';
import { ApiOpportunityNotFound } from './opportunity-dto.js';

/**
 * A controller of commands on one deal, `/opportunities/{id}/…`: bearer auth, the two command
 * headers, and the 404 of a deal the caller does not see.
 */
export const OpportunityCommandController = (): ClassDecorator =>
  applyDecorators(
    ApiTags('opportunities'),
    ApiBearerAuth(),
    ApiCommandHeaders(),
    ApiOpportunityNotFound(),
    Controller('opportunities/:id'),
  );
