import { Body, Controller, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommandHeaders, CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
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

  @CommandPost('assign', {
    summary: 'Assign a lead to a rep by hand',
    ok: 'LeadAssigned with method manual',
    conflicts: 'LEAD_CLOSED, LEAD_NURTURING, OWNER_NOT_A_REP, REP_INACTIVE',
  })
  @ApiCommandHeaders({ idempotencyKey: false })
  @ApiLeadNotFoundResponse('REP_NOT_FOUND: repId is no rep of the tenant')
  async assign(
    @Param() { id }: LeadIdParamDto,
    @Body() { repId, reason }: ManualAssignDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    await this.guard.assertMayOwn(ctx, repId, 'assign');
    const manager = ctx.caller.userId;
    return this.commands.answer(ctx, reply, {
      type: 'AssignLead',
      leadId: id,
      repId,
      method: 'manual',
      policyVersion: null,
      candidates: [{ repId, eligible: true, chosen: true, reason: `chosen by ${manager}` }],
      reason: reason ?? `assigned by ${manager}`,
      responseTargetSeconds: null,
    });
  }

  @CommandPost('claim', {
    summary: 'Claim a lead from the pool',
    ok: 'LeadAssigned to the caller (cherry pick, blind pull, shark tank)',
    conflicts: 'LEAD_ALREADY_CLAIMED, LEAD_NOT_IN_POOL, CLAIM_CAP_REACHED, OWNER_NOT_A_REP, REP_INACTIVE',
  })
  claim(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.takeLead(ctx, reply, { type: 'ClaimLead', leadId: id });
  }

  @CommandPost('offer/accept', {
    summary: 'Accept the offer of a lead (shotgun distribution)',
    ok: 'LeadAssigned with method shotgun',
    conflicts: 'NO_ACTIVE_OFFER, OFFER_NOT_FOR_YOU, LEAD_ALREADY_CLAIMED, OWNER_NOT_A_REP, REP_INACTIVE',
  })
  accept(
    @Param() { id }: LeadIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.takeLead(ctx, reply, { type: 'AcceptLeadOffer', leadId: id });
  }

  @CommandPost('offer/decline', {
    summary: 'Decline the offer of a lead',
    ok: 'LeadOfferDeclined; the next rep in rotation gets the offer',
    conflicts: 'NO_ACTIVE_OFFER, OFFER_NOT_FOR_YOU',
  })
  decline(
    @Param() { id }: LeadIdParamDto,
    @Body() body: DeclineOfferDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const command = {
      type: 'DeclineLeadOffer',
      leadId: id,
      repId: ctx.caller.userId,
      reason: body.reason ?? null,
    } as const;
    return this.commands.answer(ctx, reply, command);
  }

  /**
   * The caller takes the lead for themself (a claim, or an accepted offer). One read of the
   * lead's stream serves the guard's checks and the command; a claim must also be one the
   * lead's pool allows.
   */
  private async takeLead(
    ctx: RequestContext,
    reply: FastifyReply,
    { type, leadId }: { type: 'ClaimLead' | 'AcceptLeadOffer'; leadId: string },
  ): Promise<CommandResponseDto> {
    const repId = ctx.caller.userId;
    await this.guard.assertMayOwn(ctx, repId, 'claim');
    const loaded = await this.commands.load(ctx, leadId);
    if (type === 'ClaimLead') await this.guard.assertMayClaim(ctx, loaded.lead);
    const responseTargetSeconds = await this.guard.responseTargetSeconds(ctx, loaded.lead);
    return this.commands.answer(ctx, reply, { type, leadId, repId, responseTargetSeconds }, loaded);
  }
}
