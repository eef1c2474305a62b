import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, Roles, type RequestContext } from '#ltc/platform';
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

  @Post('qualify')
  @ApiOperation({ summary: 'Qualify a lead (BANT)' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar')
  @ApiOkResponse({ type: CommandResponseDto })
  @ApiConflictResponse({ description: 'LEAD_NOT_ASSIGNED, LEAD_ALREADY_QUALIFIED, LEAD_CLOSED' })
  async qualify(
    @Param() { id }: LeadIdParamDto,
    @Body() body: QualifyLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'QualifyLead', leadId: id, ...body });
  }

  @Post('disqualify')
  @ApiOperation({ summary: 'Disqualify a lead with a reason' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar')
  @ApiOkResponse({ type: CommandResponseDto })
  @ApiConflictResponse({ description: 'LEAD_CLOSED' })
  async disqualify(
    @Param() { id }: LeadIdParamDto,
    @Body() body: DisqualifyLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'DisqualifyLead',
      leadId: id,
      reasonCode: body.reasonCode,
      note: body.note ?? null,
    });
  }

  @Post('nurture')
  @ApiOperation({ summary: 'Put a lead into nurture until a date' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar')
  @ApiOkResponse({ type: CommandResponseDto })
  @ApiConflictResponse({ description: 'LEAD_ALREADY_NURTURING, LEAD_CLOSED' })
  async nurture(
    @Param() { id }: LeadIdParamDto,
    @Body() body: NurtureLeadDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'NurtureLead',
      leadId: id,
      reactivateOn: new Date(body.reactivateOn),
      reason: body.reason ?? null,
    });
  }

  @Post('reactivate')
  @ApiOperation({ summary: 'Bring a nurtured lead back before its date' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadReactivated (no event when the lead is not nurturing)' })
  async reactivate(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'ReactivateLead', leadId: id });
  }

  @Post('convert')
  @ApiOperation({ summary: 'Convert a qualified lead into a deal' })
  @HttpCode(200)
  @Roles('sales_manager', 'ar')
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'LeadConverted with the deal id that links lead, opportunity and what follows',
  })
  @ApiConflictResponse({ description: 'LEAD_NOT_QUALIFIED, LEAD_CLOSED' })
  async convert(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto & { dealId: string }> {
    const dealId = dealIdForLead(id);
    return { ...(await this.commands.answer(ctx, reply, { type: 'ConvertLead', leadId: id, dealId })), dealId };
  }

  @Post('recycle')
  @ApiOperation({ summary: 'Recycle a lead back into the pool' })
  @HttpCode(200)
  @Roles('sales_manager')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadRecycled: back to the pool' })
  async recycle(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecycleLead',
      leadId: id,
      progressNo: null,
      reason: body.reason ?? 'recycled by a manager',
    });
  }

  @Post('archive')
  @ApiOperation({ summary: 'Archive a lead' })
  @HttpCode(200)
  @Roles('sales_manager')
  @ApiOkResponse({ type: CommandResponseDto })
  @ApiConflictResponse({ description: 'LEAD_IN_WORK, LEAD_CLOSED' })
  async archive(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ArchiveLead',
      leadId: id,
      progressNo: null,
      reason: body.reason ?? 'archived by a manager',
    });
  }
}
