import { Body, Controller, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { DisqualifyLeadDto, NurtureLeadDto, QualifyLeadDto, ReasonDto } from './close-lead.dto.js';
import { dealIdForLead } from './deal-id.js';

/** How a lead ends (or pauses): qualify, disqualify, nurture, reactivate, convert. */
@ApiTags('leads')
@ApiBearerAuth()
@ApiCommandHeaders()
@ApiLeadNotFoundResponse()
@Controller('leads/:id')
export class CloseLeadController {
  constructor(@Inject(LeadCommands) private readonly commands: LeadCommands) {}

  @CommandPost('qualify', {
    summary: 'Qualify a lead (BANT)',
    conflicts: 'LEAD_NOT_ASSIGNED, LEAD_ALREADY_QUALIFIED, LEAD_CLOSED',
  })
  qualify(
    @Param() { id }: LeadIdParamDto,
    @Body() body: QualifyLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'QualifyLead', leadId: id, ...body });
  }

  @CommandPost('disqualify', {
    summary: 'Disqualify a lead with a reason',
    conflicts: 'LEAD_CLOSED',
  })
  disqualify(
    @Param() { id }: LeadIdParamDto,
    @Body() { reasonCode, note }: DisqualifyLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'DisqualifyLead', leadId: id, reasonCode, note: note ?? null });
  }

  @CommandPost('nurture', {
    summary: 'Put a lead into nurture until a date',
    conflicts: 'LEAD_ALREADY_NURTURING, LEAD_CLOSED',
  })
  nurture(
    @Param() { id }: LeadIdParamDto,
    @Body() body: NurtureLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const reactivateOn = new Date(body.reactivateOn);
    return this.commands.answer(ctx, reply, {
      type: 'NurtureLead',
      leadId: id,
      reactivateOn,
      reason: body.reason ?? null,
    });
  }

  @CommandPost('reactivate', {
    summary: 'Bring a nurtured lead back before its date',
    ok: 'LeadReactivated (no event when the lead is not nurturing)',
  })
  reactivate(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'ReactivateLead', leadId: id });
  }

  @CommandPost('convert', {
    summary: 'Convert a qualified lead into a deal',
    ok: 'LeadConverted with the deal id that links lead, opportunity and what follows',
    conflicts: 'LEAD_NOT_QUALIFIED, LEAD_CLOSED',
  })
  async convert(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto & { dealId: string }> {
    const dealId = dealIdForLead(id);
    return { ...(await this.commands.answer(ctx, reply, { type: 'ConvertLead', leadId: id, dealId })), dealId };
  }

  @CommandPost('recycle', {
    summary: 'Recycle a lead back into the pool',
    ok: 'LeadRecycled: back to the pool',
  })
  recycle(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const reason = body.reason ?? 'recycled by a manager';
    return this.commands.answer(ctx, reply, { type: 'RecycleLead', leadId: id, progressNo: null, reason });
  }

  @CommandPost('archive', {
    summary: 'Archive a lead',
    conflicts: 'LEAD_IN_WORK, LEAD_CLOSED',
  })
  archive(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const reason = body.reason ?? 'archived by a manager';
    return this.commands.answer(ctx, reply, { type: 'ArchiveLead', leadId: id, progressNo: null, reason });
  }
}
