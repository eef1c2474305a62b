import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `/tickets/{id}`. */
export class TicketIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** `/tickets/{id}/tasks/{taskId}`. */
export class TaskParamDto extends TicketIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  taskId!: string;
}

const NOT_FOUND =
  'TICKET_NOT_FOUND: no such ticket, or one the caller may not see (the same answer, so its existence does not leak); nothing is written';

/** The 404 of every route on `/tickets/{id}`. */
export const ApiTicketNotFound = (alsoMeans?: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: alsoMeans ? `${NOT_FOUND}. ${alsoMeans}` : NOT_FOUND });
