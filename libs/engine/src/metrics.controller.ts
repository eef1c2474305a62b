import { Controller, Get, Headers, Inject, NotFoundException, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, ENGINE_METRICS, InvalidTokenError, type AppConfig, type EngineMetrics } from '#ltc/platform';

/**
 * Prometheus scrapes `GET /metrics` with `Authorization: Bearer <LTC_METRICS_TOKEN>`: a token of
 * its own, so a scraper holds no user's rights and a user's token reads no operational counts.
 */
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
    const expected = this.config.metricsToken;
    if (expected === undefined) throw new NotFoundException('Metrics are off: set LTC_METRICS_TOKEN to scrape them');
    const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (sent === undefined || !sameSecret(sent, expected)) {
      throw new InvalidTokenError('Send "Authorization: Bearer <LTC_METRICS_TOKEN>"');
    }
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return await this.metrics.exposition();
  }
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
