// GET /live, read with fetch rather than EventSource: EventSource cannot send an Authorization
// header, and the token must not go in the query string, where server and proxy logs keep it
// (docs/adr/0031-the-web-app.md). The parser is framework-free for unit specs.

/** One change the feed announces: which stream, what happened, where in the global log. */
export interface LiveChange {
  readonly stream: string;
  readonly type: string;
  readonly revision: number;
  /** The global position, as the event's id: send back as Last-Event-ID to resume after it. */
  readonly position: string;
}

interface ServerSentEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/** Splits a text/event-stream into events as chunks arrive (a chunk may end mid-line). */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];
  private event = 'message';
  private id: string | undefined;

  push(chunk: string): ServerSentEvent[] {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    const events: ServerSentEvent[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) {
          events.push({
            event: this.event,
            data: this.data.join('\n'),
            ...(this.id !== undefined ? { id: this.id } : {}),
          });
        }
        this.data = [];
        this.event = 'message';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
      else if (field === 'id') this.id = value;
    }
    return events;
  }
}

/** The change an event carries, or undefined for anything that is not a well-formed change. */
export function changeOf(event: ServerSentEvent): LiveChange | undefined {
  if (event.event !== 'change') return undefined;
  try {
    const change = JSON.parse(event.data) as Partial<LiveChange>;
    if (typeof change.stream !== 'string' || typeof change.type !== 'string') return undefined;
    if (typeof change.revision !== 'number' || typeof change.position !== 'string') return undefined;
    return { stream: change.stream, type: change.type, revision: change.revision, position: change.position };
  } catch {
    return undefined;
  }
}

/** Waits before reconnecting: quick at first, at most 10 s, so a restarting server is not hammered. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, failures));
}
