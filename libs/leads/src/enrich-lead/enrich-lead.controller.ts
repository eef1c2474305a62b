import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, Roles, commandResponse, type RequestContext } from '#ltc/platform';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { RecordInteractionDto, TagLeadDto } from './enrich-lead.dto.js';

/** What sales learns about a lead: tags for the way in, interactions for behaviour scoring. */
@ApiTags('leads')
@ApiBearerAuth()
@ApiCommandHeaders({ ifMatch: 'The revision you last saw; 412 when the lead changed since' })
@ApiLeadNotFoundResponse()
@Controller('leads/:id')
export class EnrichLeadController {
  constructor(@Inject(LeadCommands) private readonly commands: LeadCommands) {}

  @Post('tags')
  @ApiOperation({ summary: 'Tag a lead' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar', 'sr')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadTagged / LeadUntagged (no event when nothing changes)' })
  async tag(
    @Param() { id }: LeadIdParamDto,
    @Body() body: TagLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const type = body.remove ? ('UntagLead' as const) : ('TagLead' as const);
    const outcome = await this.commands.run(ctx, { type, leadId: id, category: body.category, tag: body.tag });
    return commandResponse(reply, id, outcome);
  }

  @Post('interactions')
  @ApiOperation({ summary: 'Record an interaction (email opened, demo booked…) for scoring' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar', 'sr', 'service_agent')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadInteractionRecorded; the lead is rescored' })
  async interaction(
    @Param() { id }: LeadIdParamDto,
    @Body() body: RecordInteractionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const outcome = await this.commands.run(ctx, {
      type: 'RecordLeadInteraction',
      leadId: id,
      kind: body.kind,
      detail: body.detail ?? null,
      at: body.at ? new Date(body.at) : null,
    });
    return commandResponse(reply, id, outcome);
  }
}
