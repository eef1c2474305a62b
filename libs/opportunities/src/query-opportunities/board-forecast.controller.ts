import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, DealScopes, asOfInstant, type RequestContext } from '#ltc/platform';
import { DEFAULT_PIPELINE_ID } from '../opportunity-streams.js';
import { loadPipeline } from '../pipelines/pipeline-config.js';
import { forecast } from '../read-models/forecast.queries.js';
import type { ForecastFacts } from '../read-models/forecast.snapshot.js';
import { pipelineBoard } from '../read-models/pipeline-board.queries.js';
import { pipelineBoardAsOf } from './board-as-of.js';
import { ForecastView, PipelineBoardView, type ForecastFactsView } from './board-forecast.views.js';
import { ForecastQueryDto, PipelineBoardQueryDto } from './opportunity-query.dto.js';
import { dealFilterOf } from './opportunity-readers.js';

/** The pipeline board and the forecast, summed per currency from the deal read models. */
@ApiTags('opportunities')
@ApiBearerAuth()
@Controller()
export class BoardForecastController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get('pipeline-board')
  @ApiOperation({ summary: 'Per stage of a pipeline: count, total and probability-weighted amount per currency' })
  @ApiOkResponse({ type: PipelineBoardView, description: 'Only the deals the caller may see are counted' })
  @ApiNotFoundResponse({ description: 'PIPELINE_NOT_FOUND' })
  async board(@Query() query: PipelineBoardQueryDto, @Ctx() ctx: RequestContext): Promise<PipelineBoardView> {
    const pipelineId = query.pipeline ?? DEFAULT_PIPELINE_ID;
    // The stages and their order come from the pipeline's stream: a stage added a moment ago shows.
    const stored = await loadPipeline(this.store, ctx.tenantId, pipelineId);
    if (stored === null) throw new NotFoundError('Pipeline', pipelineId);
    const asOf = asOfInstant(query);
    const filter = dealFilterOf(query, await this.scopes.of(ctx));
    return asOf === undefined
      ? pipelineBoard(this.readModels.queryDb, ctx.tenantId, stored.config, filter)
      : pipelineBoardAsOf(this.readModels.queryDb, this.store, ctx.tenantId, stored.config, filter, asOf);
  }

  @Get('forecast')
  @ApiOperation({ summary: 'Forecast by close month and category per currency, and how it moved since a moment' })
  @ApiOkResponse({ type: ForecastView, description: 'Only the deals the caller may see are counted' })
  async forecast(@Query() query: ForecastQueryDto, @Ctx() ctx: RequestContext): Promise<ForecastView> {
    const result = await forecast(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.scopes.of(ctx),
      ...(query.pipeline ? { pipelineId: query.pipeline } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.since ? { since: query.since } : {}),
    });
    return {
      pipelineId: query.pipeline ?? null,
      buckets: result.buckets,
      movement: result.movement && {
        ...result.movement,
        deals: result.movement.deals.map((deal) => ({
          ...deal,
          before: deal.before && factsView(deal.before),
          after: factsView(deal.after),
        })),
      },
    };
  }
}

function factsView(facts: ForecastFacts): ForecastFactsView {
  return {
    status: facts.status,
    stage: facts.stage_id,
    forecastCategory: facts.forecast_category,
    probabilityBp: Number(facts.probability_bp),
    amountMinor: facts.amount_minor === null ? null : Number(facts.amount_minor),
    currency: facts.currency,
    closeDate: facts.close_date,
  };
}
