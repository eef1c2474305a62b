import { Body, Controller, Inject, Param, Patch, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, commandResponse, type RequestContext } from '#ltc/platform';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { EditLeadDto } from './edit-lead.dto.js';
import { LeadEdit } from './lead-edit.service.js';

@ApiTags('leads')
@ApiBearerAuth()
@ApiLeadNotFoundResponse()
@Controller('leads/:id')
export class EditLeadController {
  constructor(@Inject(LeadEdit) private readonly leads: LeadEdit) {}

  @Patch()
  @ApiOperation({ summary: 'Edit a lead: details, deal size, email or phone (only the fields sent change)' })
  @ApiCommandHeaders({ ifMatch: 'The revision you last saw; 412 when the lead changed since' })
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'LeadDetailsEdited and/or LeadContactChanged (no event when nothing differs)',
  })
  @ApiConflictResponse({ description: 'LEAD_DUPLICATE (the new email or phone belongs to another lead), LEAD_CLOSED' })
  @ApiPreconditionFailedResponse({ description: 'REVISION_MISMATCH: the lead changed since the If-Match revision' })
  async edit(
    @Param() { id }: LeadIdParamDto,
    @Body() body: EditLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return commandResponse(reply, id, await this.leads.edit(ctx, id, body));
  }
}
