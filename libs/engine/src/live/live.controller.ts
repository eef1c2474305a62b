import { Controller, Get, Headers, Inject, NotAcceptableException, Res, type OnModuleDestroy } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, storedLayer, type EventStore, type EventSubscription } from '#ltc/event-store';
import { Ctx, PERMISSION_MATRIX, type PermissionMatrix, type RequestContext } from '#ltc/platform';
import { liveStreamPrefixes, positionOfLastEventId } from './live-kinds.js';

/** A comment line now and then keeps proxies and browsers from closing a quiet feed. */
const KEEP_ALIVE_MS = 15_000;

/**
 * GET /live: server-sent events, one per change of the caller's tenant to a kind of record the
 * caller may list: the stream, the event's type, its revision and global position (the event's
 * `id`, which a reconnecting client sends back as Last-Event-ID). Never the event's data: the
 * screens read what they show from the API's routes, so the feed can tell no more than that
 * something changed (docs/adr/0031-the-web-app.md). It reads the event store's own catch-up
 * subscription, from the head or from the client's last position.
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class LiveController implements OnModuleDestroy {
  private readonly open = new Set<() => Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERMISSION_MATRIX) private readonly matrix: PermissionMatrix,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: "Live change feed of the caller's tenant (server-sent events: stream, type, revision, position)",
    description:
      'Send `Accept: text/event-stream`. Each event is `event: change`, `id: <global position>` and `data: ' +
      '{"stream","type","revision","position"}`, for records of the kinds the caller may list (leads, opportunities, ' +
      'contracts, tickets); the data of the event is never sent. Reconnect with `Last-Event-ID` to resume after ' +
      'the last change seen; without it the feed starts at the newest event.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last change received: the feed resumes after it',
  })
  @ApiOkResponse({ description: 'An endless text/event-stream of changes (comment lines keep it open)' })
  @ApiResponse({ status: 406, description: 'NOT_ACCEPTABLE: the request did not accept text/event-stream' })
  async live(
    @Ctx() ctx: RequestContext,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!accept?.includes('text/event-stream')) {
      throw new NotAcceptableException('GET /live is a server-sent event stream: send Accept: text/event-stream');
    }
    const resumeAfter = positionOfLastEventId(lastEventId);
    const prefixes = liveStreamPrefixes(this.matrix, ctx.caller.roles);
    const after = resumeAfter ?? (await this.store.readHeadPosition());
    // The bytes as stored: the feed needs no personal field opened, so none is decrypted for it.
    const subscription: EventSubscription | undefined =
      prefixes.length > 0
        ? storedLayer(this.store).subscribeToAll({ after, filter: { streamPrefixes: prefixes } })
        : undefined;
    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-content-type-options': 'nosniff',
      // Nginx and the like would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      // The connection is the feed's alone, never reused for another request.
      connection: 'close',
    });
    raw.write('retry: 2000\n\n');
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const end = async (): Promise<void> => {
      this.open.delete(end);
      clearInterval(keepAlive);
      await subscription?.close();
      // Connection and feed end together: a socket left open would hold the server's shutdown.
      if (raw.writableEnded) raw.destroy();
      else raw.end(() => raw.destroy());
    };
    this.open.add(end);
    // A client that goes away half-closes the socket ('end'), which Node's server leaves open while
    // a response is under way: either way the feed stops reading the store for it.
    raw.once('close', () => void end());
    raw.socket?.once('end', () => void end());
    if (subscription === undefined) return;
    void (async () => {
      try {
        for await (const event of subscription) {
          if (event.metadata.tenantId !== ctx.tenantId) continue;
          const change = {
            stream: event.stream,
            type: event.type,
            revision: Number(event.revision),
            position: event.position.toString(),
          };
          raw.write(`id: ${change.position}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
        }
      } catch {
        // The store went away (shutdown, a lost connection): the client reconnects with its Last-Event-ID.
      } finally {
        await end();
      }
    })();
  }

  /** Open feeds would hold the server open on shutdown; end them, clients come back after the restart. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.open].map((end) => end()));
  }
}
