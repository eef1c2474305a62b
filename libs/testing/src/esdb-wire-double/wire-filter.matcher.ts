import { ReadReq } from './generated-protocol.bindings.js';
import type { FilterOptions } from './generated-protocol.bindings.js';
import type { WireStoredEvent } from './wire-log.store.js';

/** A server-side $all filter, decoded from the request's `FilterOptions`. */
export interface WireFilter {
  matches(event: WireStoredEvent): boolean;
  /** Every how many scanned events a subscription sends a checkpoint. */
  readonly checkpointEvery: number;
}

// The server's default search window when the client asks for `count` rather than `max`.
const DEFAULT_WINDOW = 32;

/**
 * Decodes a filter the way the server applies it: on the stream name or on the event
 * type; a non-empty prefix list wins over the regex. Throws a RangeError for a request
 * that names neither, which the handler turns into INVALID_ARGUMENT.
 */
export function decodeFilter(options: FilterOptions): WireFilter {
  const window =
    options.getWindowCase() === ReadReq.Options.FilterOptions.WindowCase.MAX ? options.getMax() : DEFAULT_WINDOW;
  const checkpointEvery = Math.max(1, window * Math.max(1, options.getCheckpointintervalmultiplier()));
  const streamExpression = options.getStreamIdentifier();
  if (streamExpression) {
    const test = expressionTest(streamExpression.getPrefixList(), streamExpression.getRegex());
    return { matches: (event) => test(event.stream), checkpointEvery };
  }
  const typeExpression = options.getEventType();
  if (typeExpression) {
    const test = expressionTest(typeExpression.getPrefixList(), typeExpression.getRegex());
    return { matches: (event) => test(event.type), checkpointEvery };
  }
  throw new RangeError('A filter must name a stream identifier or an event type expression');
}

function expressionTest(prefixes: readonly string[], regex: string): (value: string) => boolean {
  if (prefixes.length > 0) return (value) => prefixes.some((prefix) => value.startsWith(prefix));
  // The server uses .NET regular expressions; JavaScript's agree on the patterns clients send.
  const pattern = new RegExp(regex);
  return (value) => pattern.test(value);
}
