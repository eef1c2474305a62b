import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { Ctx, toSafeNumber, type RequestContext } from '#ltc/platform';
import { loadScoringModel } from '../load-scoring-model.js';
import { CurrentScoringModelView } from '../scoring-model.views.js';

@ApiTags('lead scoring')
@ApiBearerAuth()
@Controller('scoring-models')
export class CurrentScoringModelController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('current')
  @ApiOperation({
    summary: "The tenant's lead scoring model in force",
    description:
      'A tenant that never saved a model gets the built-in default as version 1, with origin "default", ' +
      'revision null and no ETag (send no If-Match when saving it the first time). Read from the event stream, ' +
      'so it is never behind a change just saved.',
  })
  @ApiOkResponse({ type: CurrentScoringModelView, description: 'ETag carries the stream revision once saved' })
  async current(
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentScoringModelView> {
    const { state, revision } = await loadScoringModel(this.store, ctx.tenantId);
    if (revision !== undefined) void reply.header('ETag', `"${revision.toString()}"`);
    return {
      version: state.version,
      origin: state.origin,
      revision: revision === undefined ? null : toSafeNumber(revision),
      changedBy: state.changedBy,
      changedAt: state.changedAt,
      reason: state.reason,
      model: state.model as CurrentScoringModelView['model'],
    };
  }
}
