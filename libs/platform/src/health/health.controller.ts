import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';
import { READ_MODEL_DB } from '../core/tokens.js';

interface CheckResult {
  status: 'up' | 'down';
  error?: string;
}

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
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, CheckResult> }> {
    const [eventStore, readModels] = await Promise.all([
      check(() => this.store.ping()),
      check(async () => {
        await sql`select 1`.execute(this.readModels.db);
      }),
    ]);
    const up = eventStore.status === 'up' && readModels.status === 'up';
    void reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'unavailable', checks: { eventStore, readModels } };
  }
}

async function check(probe: () => Promise<void>): Promise<CheckResult> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
