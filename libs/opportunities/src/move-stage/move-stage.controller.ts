import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';
import { MoveStageDto } from './move-stage.dto.js';

@OpportunityCommandController()
export class MoveStageController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @CommandPost('stage', {
    summary: 'Move the deal to another open stage, every gate of it met',
    ok: 'OpportunityStageChanged (none when already there)',
    conflicts:
      'GATE_SR_REQUIRED, GATE_QUOTE_NOT_SENT (a gate of the stage is unmet; details name it), STAGE_IS_AN_OUTCOME, OPPORTUNITY_CLOSED',
  })
  move(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: MoveStageDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'MoveOpportunityStage',
      opportunityId: id,
      actor: actorOf(ctx),
      stageId: body.stage,
      reason: body.reason ?? null,
    });
  }
}
