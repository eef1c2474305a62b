import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { ApiCommandHeaders, Ctx, READ_MODEL_DB, runCommandRoute, type RequestContext } from '#ltc/platform';
import { DEFAULT_PIPELINE } from '../domain/pipeline.types.js';
import { loadPipeline } from './pipeline-config.js';
import { pipelineCommands } from './pipeline-commands.js';
import { PipelineDefinitionDto, PipelineIdParamDto } from './pipeline.dto.js';
import { listPipelines } from './pipeline.queries.js';
import { PipelineConfiguredView, PipelineListView, PipelineView, pipelineView } from './pipeline.view.js';

/** Pipelines: ordered stages with gates, the discount threshold, handoff targets, loss reasons; versioned. */
@ApiTags('pipelines')
@ApiBearerAuth()
@Controller('pipelines')
export class PipelinesController {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List pipelines, each at its latest version' })
  @ApiOkResponse({ type: PipelineListView })
  async list(@Ctx() ctx: RequestContext): Promise<PipelineListView> {
    return { items: (await listPipelines(this.readModels.db, ctx.tenantId)).map(pipelineView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One pipeline at its current version (read from its stream; ETag for If-Match)' })
  @ApiOkResponse({ type: PipelineView })
  @ApiNotFoundResponse({ description: 'PIPELINE_NOT_FOUND (`default` always exists)' })
  async get(
    @Param() { id }: PipelineIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineView> {
    const stored = await loadPipeline(this.store, ctx.tenantId, id);
    if (stored === null) throw new NotFoundError('Pipeline', id);
    if (stored.revision !== undefined) void reply.header('ETag', `"${stored.revision.toString()}"`);
    return pipelineView(stored.config);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Create a pipeline or store a new version of it' })
  @HttpCode(200)
  @ApiCommandHeaders({ ifMatch: 'The revision from GET /pipelines/{id}; a pipeline changed since answers 412' })
  @ApiOkResponse({ type: PipelineConfiguredView, description: 'PipelineConfigured appended (none if unchanged)' })
  async configure(
    @Param() { id }: PipelineIdParamDto,
    @Body() body: PipelineDefinitionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineConfiguredView> {
    const response = await runCommandRoute(this.bus, ctx, reply, {
      aggregate: pipelineCommands,
      id,
      existing: false,
      command: {
        type: 'ConfigurePipeline' as const,
        pipelineId: id,
        actor: ctx.caller.userId,
        definition: {
          name: body.name,
          stages: body.stages,
          discountApprovalThresholdBp: body.discountApprovalThresholdBp ?? DEFAULT_PIPELINE.discountApprovalThresholdBp,
          handoffAcceptanceTargetSeconds:
            body.handoffAcceptanceTargetSeconds ?? DEFAULT_PIPELINE.handoffAcceptanceTargetSeconds,
          overdueEscalationSeconds: body.overdueEscalationSeconds ?? DEFAULT_PIPELINE.overdueEscalationSeconds,
          lossReasons: body.lossReasons ?? [...DEFAULT_PIPELINE.lossReasons],
        },
      },
    });
    // Each PipelineConfigured is one event and one version more, from version 1 at revision 0.
    return { ...response, version: response.revision === null ? 0 : response.revision + 1 };
  }
}
