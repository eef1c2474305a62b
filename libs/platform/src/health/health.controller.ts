import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';
import { READ_MODEL_DB } from '../core/tokens.js';
import { engineHealth, type EngineHealth } from './engine-health.js';

/** Liveness and readiness: the event store and the read-model database both answer. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the event store and the read models answer' })
  @ApiOkResponse({ description: 'Everything answers' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; see checks' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<EngineHealth['body']> {
    const { up, body } = await engineHealth(this.store, this.readModels);
    void reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
