import { Controller, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommandHeaders } from '#ltc/platform';
import { ApiTicketNotFound } from './ticket-params.dto.js';

/**
 * A controller of commands on one ticket, `/tickets/{id}/…`: bearer auth, the two command headers,
 * and the 404 of a ticket the caller does not see.
 */
export const TicketCommandController = (): ClassDecorator =>
  applyDecorators(
    ApiTags('tickets'),
    ApiBearerAuth(),
    ApiCommandHeaders(),
    ApiTicketNotFound(),
    Controller('tickets/:id'),
  );
