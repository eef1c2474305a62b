import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, Roles, commandResponse, type RequestContext } from '#ltc/platform';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { CLAIM_GUARD, type ClaimGuard } from './claim-guard.js';
import { DeclineOfferDto, ManualAssignDto } from './route-lead.dto.js';

/** Who owns a lead: a manager assigns, a rep claims from the pool, a shotgun offer is accepted or declined. */
@ApiTags('leads')
@ApiBearerAuth()
@ApiCommandHeaders({ ifMatch: false })
@ApiLeadNotFoundResponse()
@Controller('leads/:id')
export class RouteLeadController {
  constructor(
    @Inject(LeadCommands) private readonly commands: LeadCommands,
    @Inject(CLAIM_GUARD) private readonly guard: ClaimGuard,
  ) {}

  @Post('assign')
  @ApiOperation({ summary: 'Assign a lead to a rep by hand' })
  @HttpCode(200)
  @Roles('sales_manager')
  @ApiCommandHeaders({ idempotencyKey: false })
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadAssigned with method manual' })
  @ApiConflictResponse({ description: 'LEAD_CLOSED, LEAD_NURTURING, OWNER_NOT_A_REP, REP_INACTIVE' })
  @ApiLeadNotFoundResponse('REP_NOT_FOUND: repId is no rep of the tenant')
  async assign(
    @Param() { id }: LeadIdParamDto,
    @Body() body: ManualAssignDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    await this.guard.assertMayOwn(ctx, body.repId, 'assign');
    const outcome = await this.commands.run(ctx, {
      type: 'AssignLead',
      leadId: id,
      repId: body.repId,
      method: 'manual',
      policyVersion: null,
      candidates: [{ repId: body.repId, eligible: true, chosen: true, reason: `chosen by ${ctx.caller.userId}` }],
      reason: body.reason ?? `assigned by ${ctx.caller.userId}`,
      responseTargetSeconds: null,
    });
    return commandResponse(reply, id, outcome);
  }

  @Post('claim')
  @ApiOperation({ summary: 'Claim a lead from the pool' })
  @HttpCode(200)
  @Roles('ar', 'sr')
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'LeadAssigned to the caller (cherry pick, blind pull, shark tank)',
  })
  @ApiConflictResponse({
    description: 'LEAD_ALREADY_CLAIMED, LEAD_NOT_IN_POOL, CLAIM_CAP_REACHED, OWNER_NOT_A_REP, REP_INACTIVE',
  })
  async claim(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    await this.guard.assertMayOwn(ctx, ctx.caller.userId, 'claim');
    // One read of the lead's stream serves the guard and the command.
    const loaded = await this.commands.load(ctx, id);
    await this.guard.assertMayClaim(ctx, loaded.lead);
    const outcome = await this.commands.run(
      ctx,
      {
        type: 'ClaimLead',
        leadId: id,
        repId: ctx.caller.userId,
        responseTargetSeconds: await this.guard.responseTargetSeconds(ctx, loaded.lead),
      },
      'seen-by-caller',
      loaded,
    );
    return commandResponse(reply, id, outcome);
  }

  @Post('offer/accept')
  @ApiOperation({ summary: 'Accept the offer of a lead (shotgun distribution)' })
  @HttpCode(200)
  @Roles('ar', 'sr')
  @ApiOkResponse({ type: CommandResponseDto, description: 'LeadAssigned with method shotgun' })
  @ApiConflictResponse({
    description: 'NO_ACTIVE_OFFER, OFFER_NOT_FOR_YOU, LEAD_ALREADY_CLAIMED, OWNER_NOT_A_REP, REP_INACTIVE',
  })
  async accept(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    await this.guard.assertMayOwn(ctx, ctx.caller.userId, 'claim');
    const loaded = await this.commands.load(ctx, id);
    const outcome = await this.commands.run(
      ctx,
      {
        type: 'AcceptLeadOffer',
        leadId: id,
        repId: ctx.caller.userId,
        responseTargetSeconds: await this.guard.responseTargetSeconds(ctx, loaded.lead),
      },
      'seen-by-caller',
      loaded,
    );
    return commandResponse(reply, id, outcome);
  }

  @Post('offer/decline')
  @ApiOperation({ summary: 'Decline the offer of a lead' })
  @HttpCode(200)
  @Roles('ar', 'sr')
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'LeadOfferDeclined; the next rep in rotation gets the offer',
  })
  @ApiConflictResponse({ description: 'NO_ACTIVE_OFFER, OFFER_NOT_FOR_YOU' })
  async decline(
    @Param() { id }: LeadIdParamDto,
    @Body() body: DeclineOfferDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const outcome = await this.commands.run(ctx, {
      type: 'DeclineLeadOffer',
      leadId: id,
      repId: ctx.caller.userId,
      reason: body.reason ?? null,
    });
    return commandResponse(reply, id, outcome);
  }
}
