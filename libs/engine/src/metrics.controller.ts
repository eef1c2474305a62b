import { Controller, Get, Headers, Inject, NotFoundException, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  APP_CONFIG,
  ENGINE_METRICS,
  MetricsOffError,
  admitScrape,
  type AppConfig,
  type EngineMetrics,
} from '#ltc/platform';

/** Prometheus scrapes `GET /metrics` with `Authorization: Bearer <LTC_METRICS_TOKEN>` (README "Metrics"). */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(ENGINE_METRICS) private readonly metrics: EngineMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this process: commands, appends, HTTP, projection lag, timer backlog, jobs role',
    description: 'Send `Authorization: Bearer <LTC_METRICS_TOKEN>`; without LTC_METRICS_TOKEN the route is off (404).',
  })
  @ApiOkResponse({ description: 'The Prometheus text exposition format', content: { 'text/plain': {} } })
  @ApiUnauthorizedResponse({ description: 'INVALID_TOKEN: the bearer token is not LTC_METRICS_TOKEN' })
  @ApiNotFoundResponse({ description: 'LTC_METRICS_TOKEN is not set' })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    try {
      admitScrape(this.config.metricsToken, authorization);
    } catch (error) {
      throw error instanceof MetricsOffError ? new NotFoundException(error.message) : error;
    }
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return await this.metrics.exposition();
  }
}
