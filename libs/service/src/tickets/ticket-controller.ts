import { Controller, HttpCode, Post, applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandHeaders, type CommandPostDoc } from '#ltc/platform';
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

/**
 * `POST <path>` for a command that creates something inside a ticket (a task, a requirement, a lead in
 * sales): answers 201 with the new thing's id beside the command's answer.
 */
export const TicketCreatePost = (path: string, doc: CommandPostDoc & { readonly type: Type }): MethodDecorator =>
  applyDecorators(
    Post(path),
    ApiOperation({ summary: doc.summary }),
    HttpCode(201),
    ApiCreatedResponse({ type: doc.type, ...(doc.ok === undefined ? {} : { description: doc.ok }) }),
    ...(doc.conflicts === undefined ? [] : [ApiConflictResponse({ description: doc.conflicts })]),
  );
