import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, Roles, commandResponse, type RequestContext } from '#ltc/platform';
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

  @Post('attempts')
  @ApiOperation({ summary: 'Log a contact attempt and its outcome' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar', 'sr')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadContactAttempted' })
  @ApiConflictResponse({ description: 'NOT_LEAD_OWNER, LEAD_NOT_ASSIGNED, LEAD_CLOSED' })
  async attempt(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ContactAttemptDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const outcome = await this.commands.run(ctx, {
      type: 'RecordContactAttempt',
      leadId: id,
      repId: ctx.caller.userId,
      onBehalfOfOwner: ctx.caller.roles.some((r) => r === 'sales_manager' || r === 'admin'),
      channel: body.channel,
      outcome: body.outcome,
      note: body.note ?? null,
    });
    return commandResponse(reply, id, outcome);
  }
}
