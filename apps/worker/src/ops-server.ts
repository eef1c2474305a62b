import type { INestApplicationContext } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import {
  ENGINE_METRICS,
  MetricsOffError,
  READ_MODEL_DB,
  admitScrape,
  engineHealth,
  type AppConfig,
  type EngineMetrics,
} from '#ltc/platform';
import type { ReadModelHandle } from '#ltc/projections';

/**
 * The worker's own small HTTP listener (LTC_WORKER_PORT): `GET /health` for an orchestrator's
 * liveness and readiness probes and `GET /metrics` for Prometheus, as the API answers them.
 * Nothing else: the worker serves no business route.
 */
export async function startOpsServer(app: INestApplicationContext, config: AppConfig): Promise<FastifyInstance> {
  const store = app.get<symbol, EventStore>(EVENT_STORE);
  const readModels = app.get<symbol, ReadModelHandle>(READ_MODEL_DB);
  const metrics = app.get<symbol, EngineMetrics>(ENGINE_METRICS);
  const server = Fastify({ logger: false });
  server.get('/health', async (_request, reply) => {
    const { up, body } = await engineHealth(store, readModels);
    return reply.code(up ? 200 : 503).send(body);
  });
  server.get('/metrics', async (request, reply) => {
    try {
      admitScrape(config.metricsToken, request.headers.authorization);
    } catch (error) {
      const off = error instanceof MetricsOffError;
      return reply
        .code(off ? 404 : 401)
        .send({ code: off ? 'NOT_FOUND' : 'INVALID_TOKEN', message: (error as Error).message });
    }
    return reply
      .header('cache-control', 'no-store')
      .type(metrics.contentType)
      .send(await metrics.exposition());
  });
  server.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: `The worker serves /health and /metrics, not ${request.url}` }),
  );
  await server.listen({ port: config.workerPort ?? 0, host: config.host });
  return server;
}
