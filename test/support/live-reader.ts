import { get, type ClientRequest } from 'node:http';
import { EventStreamParser, changeOf, type LiveChange } from '../../apps/web/src/api/live-feed.js';

/** A client of GET /live over real HTTP: the changes it received, and a way to wait for one. */
export interface LiveReader {
  readonly status: number;
  readonly changes: LiveChange[];
  waitFor(matches: (change: LiveChange) => boolean, timeoutMs?: number): Promise<LiveChange>;
  close(): void;
}

/**
 * Opens the feed as the web app does (Authorization header, optional Last-Event-ID), on a
 * connection of its own that `close()` destroys, as a closed browser tab would.
 */
export async function openLive(baseUrl: string, token: string, lastEventId?: string): Promise<LiveReader> {
  const changes: LiveChange[] = [];
  const waiters = new Set<() => void>();
  const parser = new EventStreamParser();
  const { request, status } = await new Promise<{ request: ClientRequest; status: number }>((resolve, reject) => {
    const request = get(
      `${baseUrl}/live`,
      {
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'text/event-stream',
          ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
        },
      },
      (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const event of parser.push(chunk)) {
            const change = changeOf(event);
            if (change) changes.push(change);
          }
          for (const wake of [...waiters]) wake();
        });
        response.on('error', () => undefined);
        resolve({ request, status: response.statusCode ?? 0 });
      },
    );
    request.on('error', reject);
  });
  return {
    status,
    changes,
    async waitFor(matches, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = changes.find(matches);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no such change within ${timeoutMs} ms; got ${JSON.stringify(changes)}`);
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
    },
    close: () => request.destroy(),
  };
}
