import { EventStreamParser, changeOf, type LiveChange } from '../../apps/web/src/api/live-feed.js';

/** A client of GET /live over real HTTP: the changes it received, and a way to wait for one. */
export interface LiveReader {
  readonly status: number;
  readonly changes: LiveChange[];
  waitFor(matches: (change: LiveChange) => boolean, timeoutMs?: number): Promise<LiveChange>;
  close(): void;
}

/** Opens the feed as the web app does (fetch, Authorization header, optional Last-Event-ID). */
export async function openLive(baseUrl: string, token: string, lastEventId?: string): Promise<LiveReader> {
  const stop = new AbortController();
  const response = await fetch(`${baseUrl}/live`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
    },
    signal: stop.signal,
  });
  const changes: LiveChange[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    const parser = new EventStreamParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          for (const event of parser.push(value)) {
            const change = changeOf(event);
            if (change) changes.push(change);
          }
          for (const wake of [...waiters]) wake();
        }
      } catch {
        // Closed by the test.
      }
    })();
  }
  return {
    status: response.status,
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
    close: () => stop.abort(),
  };
}
