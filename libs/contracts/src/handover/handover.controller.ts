import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../contract-commands/contract-actor.js';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { ContractCommandController } from '../contract-controller.js';
import { ContractIdParamDto } from '../contract-dto.js';
import { HoldHandoverMeetingDto, ScheduleHandoverMeetingDto } from './handover.dto.js';

/** The handover meeting: command of the deal passes from AR to FR when it is held. */
@ContractCommandController()
export class HandoverController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @CommandPost('handover-meeting', {
    summary: 'Schedule the handover meeting, inviting the deal’s triangle at least',
    ok: 'HandoverMeetingScheduled (again: rescheduled)',
    conflicts:
      'CONTRACT_NOT_SIGNED, TRIANGLE_HAS_NO_FR, ATTENDEES_MISSING_TRIANGLE, HANDOVER_ALREADY_HELD, CONTRACT_CLOSED, CONTRACT_TERMINATED',
  })
  schedule(
    @Param() { id }: ContractIdParamDto,
    @Body() body: ScheduleHandoverMeetingDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ScheduleHandoverMeeting',
      contractId: id,
      actor: actorOf(ctx),
      scheduledAt: new Date(body.scheduledAt),
      attendees: body.attendees,
    });
  }

  @CommandPost('handover-meeting/held', {
    summary: 'Record the handover meeting as held: the FR now leads the deal',
    ok: 'HandoverMeetingHeld and ContractHandedOver (AR → FR); the FR is asked to accept the lead of the deal',
    conflicts:
      'HANDOVER_NOT_SCHEDULED, HANDOVER_ALREADY_HELD, HANDOVER_PARTIES_ABSENT, CONTRACT_CLOSED, CONTRACT_TERMINATED',
  })
  held(
    @Param() { id }: ContractIdParamDto,
    @Body() body: HoldHandoverMeetingDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'HoldHandoverMeeting',
      contractId: id,
      actor: actorOf(ctx),
      attendeesPresent: body.attendeesPresent,
      notes: body.notes ?? null,
      openItems: (body.openItems ?? []).map(({ description, owner }) => ({ description, owner })),
      risks: body.risks ?? [],
    });
  }
}
