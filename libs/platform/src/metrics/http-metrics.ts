import type { FastifyInstance } from 'fastify';
import type { EngineMetrics } from './engine-metrics.js';

/**
 * Counts and times every answer by its route template (`/leads/:id`, never the id itself);
 * a request no route matched counts as `unmatched`, so probing random paths adds no series.
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: EngineMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    metrics.httpRequests.inc({ method, route, status: String(reply.statusCode) });
    metrics.httpSeconds.observe({ method, route }, reply.elapsedTime / 1000);
  });
}
