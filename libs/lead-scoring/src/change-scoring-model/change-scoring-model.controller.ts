import { Body, Controller, HttpCode, Inject, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, Ctx, commandResponse, envelopeFrom, type RequestContext } from '#ltc/platform';
import { scoringModelStream } from '../scoring-model-stream.js';
import { ScoringModelChangeView } from '../scoring-model.views.js';
import { ChangeScoringModelDto } from './change-scoring-model.dto.js';
import { scoringModelCommands, type ScoringModelChangeOutcome } from './change-scoring-model.handler.js';

@ApiTags('lead scoring')
@ApiBearerAuth()
@Controller('scoring-models')
export class ChangeScoringModelController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put('current')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace the tenant's lead scoring model",
    description:
      'Saves the rules as the next version (the built-in default is version 1, so the first change is 2). ' +
      'Submitting the rules already in force saves nothing and answers the current version.',
  })
  @ApiCommandHeaders({
    idempotencyKey: 'A retry with the same key saves once',
    ifMatch: 'The ETag of GET /scoring-models/current; when the model changed since, 412 and nothing is saved',
  })
  @ApiOkResponse({
    type: ScoringModelChangeView,
    description: 'ETag carries the new stream revision; `id` is the tenant id (each tenant has one scoring model)',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED; errors[0].field names the path, e.g. fitRules[0].op' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only sales managers and admins change the model' })
  @ApiPreconditionFailedResponse({ description: 'REVISION_MISMATCH: If-Match is stale' })
  async change(
    @Body() body: ChangeScoringModelDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoringModelChangeView> {
    const { reason, ...model } = body;
    const command = {
      type: 'ChangeScoringModel' as const,
      model,
      changedBy: ctx.actor.userId,
      reason: reason ?? null,
    };
    const message = new scoringModelCommands.Message(
      envelopeFrom(ctx, { command, stream: scoringModelStream(ctx.tenantId) }),
    );
    const { outcome, version } = await this.commands.execute<typeof message, ScoringModelChangeOutcome>(message);
    return { ...commandResponse(reply, ctx.tenantId, outcome), version, changed: outcome.events.length > 0 };
  }
}
