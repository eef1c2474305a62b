import { Body, Controller, HttpCode, Inject, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { ApiOpportunityNotFound, OpportunityIdParamDto } from '../opportunity-dto.js';
import { EditOpportunityDto } from './edit-opportunity.dto.js';

@ApiTags('opportunities')
@ApiBearerAuth()
@ApiCommandHeaders()
@ApiOpportunityNotFound()
@Controller('opportunities/:id')
export class EditOpportunityController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @Patch()
  @ApiOperation({ summary: 'Change the name, amount, expected close date or probability, each change an event' })
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto, description: 'One event per field that changed; none if nothing did' })
  @ApiConflictResponse({ description: 'OPPORTUNITY_CLOSED' })
  edit(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: EditOpportunityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const amount = body.amount && { amountMinor: body.amount.amountMinor, currency: body.amount.currency };
    return this.commands.answer(ctx, reply, {
      type: 'EditOpportunity',
      opportunityId: id,
      actor: actorOf(ctx),
      changes: {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(amount === undefined ? {} : { amount }),
        ...(body.closeDate === undefined ? {} : { closeDate: body.closeDate }),
        ...(body.probabilityBp === undefined ? {} : { probabilityBp: body.probabilityBp }),
      },
      reason: body.reason ?? null,
    });
  }
}
