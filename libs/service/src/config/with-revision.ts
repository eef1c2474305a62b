import type { FastifyReply } from 'fastify';
import type { Stored } from './stored-config.js';

/** The stored configuration, its revision written into `ETag` (the value to send back in `If-Match`). */
export function withRevision<Config>(reply: FastifyReply, stored: Stored<Config>): Config {
  if (stored.revision !== undefined) void reply.header('ETag', `"${stored.revision.toString()}"`);
  return stored.config;
}
