import { Body, Controller, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { ContactAttemptDto } from './work-lead.dto.js';

/** Contact attempts: the owner records each try; the first one stops the speed-to-lead clock. */
@ApiTags('leads')
@ApiBearerAuth()
@ApiCommandHeaders({ ifMatch: false })
@ApiLeadNotFoundResponse()
@Controller('leads/:id')
export class WorkLeadController {
  constructor(@Inject(LeadCommands) private readonly commands: LeadCommands) {}

  @CommandPost('attempts', {
    summary: 'Log a contact attempt and its outcome',
    ok: 'LeadContactAttempted',
    conflicts: 'NOT_LEAD_OWNER, LEAD_NOT_ASSIGNED, LEAD_CLOSED',
  })
  attempt(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ContactAttemptDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecordContactAttempt',
      leadId: id,
      repId: ctx.caller.userId,
      onBehalfOfOwner: ctx.caller.roles.some((r) => r === 'sales_manager' || r === 'admin'),
      channel: body.channel,
      outcome: body.outcome,
      note: body.note ?? null,
    });
  }
}
