import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { TestApp } from './test-app.js';

/** How many events the log holds and where it ends: equal before and after = nothing was written. */
export interface EventLogSnapshot {
  readonly count: number;
  readonly lastPosition: string | null;
}

export async function eventLogSnapshot(app: TestApp): Promise<EventLogSnapshot> {
  const events = await app.app.get<symbol, EventStore>(EVENT_STORE).readAll();
  const last = events.at(-1);
  return { count: events.length, lastPosition: last === undefined ? null : last.position.toString() };
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | null;
  /** The parsed JSON body, or the text when it is not JSON. */
  readonly body: unknown;
}

/** A request sent exactly as given: the body bytes and the headers, nothing added. */
export async function rawRequest(
  app: TestApp,
  method: string,
  path: string,
  init: {
    readonly token?: string;
    readonly body?: string | Uint8Array;
    readonly headers?: Record<string, string>;
  } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers,
    // Bytes, not a string: fetch would add `Content-Type: text/plain` to a string body.
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? new TextEncoder().encode(init.body) : init.body }
      : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text, so the assertion shows what came back.
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}
