import { Body, Controller, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
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

  @CommandPost('tags', {
    summary: 'Tag a lead',
    ok: 'LeadTagged / LeadUntagged (no event when nothing changes)',
  })
  tag(
    @Param() { id }: LeadIdParamDto,
    @Body() body: TagLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const type = body.remove ? ('UntagLead' as const) : ('TagLead' as const);
    return this.commands.answer(ctx, reply, { type, leadId: id, category: body.category, tag: body.tag });
  }

  @CommandPost('interactions', {
    summary: 'Record an interaction (email opened, demo booked…) for scoring',
    ok: 'LeadInteractionRecorded; the lead is rescored',
  })
  interaction(
    @Param() { id }: LeadIdParamDto,
    @Body() body: RecordInteractionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecordLeadInteraction',
      leadId: id,
      kind: body.kind,
      detail: body.detail ?? null,
      at: body.at ? new Date(body.at) : null,
    });
  }
}
