import { status } from '@grpc/grpc-js';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq } from './generated-protocol.bindings.js';
import type { ReadReq as ReadReqMessage, ReadResp as ReadRespMessage } from './generated-protocol.bindings.js';
import { eventResponse, streamNotFoundResponse } from './read-response.mapper.js';
import type { WireSubscriptions } from './subscription.handler.js';
import { decodeFilter } from './wire-filter.matcher.js';
import type { WireFilter } from './wire-filter.matcher.js';
import type { WireLog, WireStoredEvent } from './wire-log.store.js';

type ReadCall = ServerWritableStream<ReadReqMessage, ReadRespMessage>;
type ReadOptions = InstanceType<typeof ReadReq.Options>;

/**
 * `Streams.Read`: one RPC for bounded reads of a stream or of $all (forwards or
 * backwards, from a revision/position or an end, at most `count`) and, when the request
 * carries subscription options instead of a count, for catch-up subscriptions.
 */
export function readHandler(log: WireLog, subscriptions: WireSubscriptions) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) {
      failCall(call, status.INVALID_ARGUMENT, 'A read needs options');
      return;
    }
    let filter: WireFilter | undefined;
    const filterOptions = options.getFilter();
    if (options.getFilterOptionCase() === ReadReq.Options.FilterOptionCase.FILTER && filterOptions) {
      try {
        filter = decodeFilter(filterOptions);
      } catch (error) {
        failCall(call, status.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
        return;
      }
    }
    const structuredUuid = options.getUuidOption()?.hasStructured() ?? false;
    const streamOptions = options.getStream();
    const allOptions = options.getAll();

    if (options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION) {
      if (!allOptions) {
        failCall(call, status.UNIMPLEMENTED, 'The wire double models subscriptions to $all only');
        return;
      }
      subscriptions.start(call, allOptions, filter, structuredUuid);
      return;
    }

    let events: readonly WireStoredEvent[];
    if (streamOptions) {
      if (filter) {
        failCall(call, status.INVALID_ARGUMENT, 'Filters apply to $all only');
        return;
      }
      const stream = Buffer.from(streamOptions.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
      const found = log.stream(stream);
      if (!found) {
        call.write(streamNotFoundResponse(stream));
        call.end();
        return;
      }
      events = selectFromStream(found, streamOptions, options);
    } else if (allOptions) {
      events = selectFromAll(log, allOptions, options, filter);
    } else {
      failCall(call, status.INVALID_ARGUMENT, 'A read names a stream or $all');
      return;
    }
    for (const event of events) {
      if (call.cancelled) return;
      call.write(eventResponse(event, structuredUuid));
    }
    call.end();
  };
}

function selectFromStream(
  events: readonly WireStoredEvent[],
  streamOptions: InstanceType<typeof ReadReq.Options.StreamOptions>,
  options: ReadOptions,
): WireStoredEvent[] {
  const cases = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const last = events.length - 1;
  let from: number;
  switch (streamOptions.getRevisionOptionCase()) {
    case cases.REVISION: {
      // An index into the stream's array, so bounded by its length before it becomes a number.
      const revision = BigInt(streamOptions.getRevision());
      from = revision > BigInt(last) ? (backwards ? last : events.length) : Number(revision);
      break;
    }
    case cases.END:
      from = backwards ? last : events.length;
      break;
    default:
      from = 0;
  }
  const count = limitOf(options);
  return backwards ? takeBackwards(events, from, count) : takeForwards(events, from, count);
}

function selectFromAll(
  log: WireLog,
  allOptions: InstanceType<typeof ReadReq.Options.AllOptions>,
  options: ReadOptions,
  filter: WireFilter | undefined,
): WireStoredEvent[] {
  const cases = ReadReq.Options.AllOptions.AllOptionCase;
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const all = log.events();
  const matching = filter ? (event: WireStoredEvent) => filter.matches(event) : () => true;
  let from: number;
  switch (allOptions.getAllOptionCase()) {
    case cases.POSITION: {
      // Forwards includes the event at the position; backwards starts just before it.
      const index = log.indexAtOrAfter(BigInt(allOptions.getPosition()?.getCommitPosition() ?? '0'));
      from = backwards ? index - 1 : index;
      break;
    }
    case cases.END:
      from = backwards ? all.length - 1 : all.length;
      break;
    default:
      from = backwards ? -1 : 0;
  }
  const count = limitOf(options);
  return backwards ? takeBackwards(all, from, count, matching) : takeForwards(all, from, count, matching);
}

function takeForwards(
  events: readonly WireStoredEvent[],
  from: number,
  count: bigint,
  matching: (event: WireStoredEvent) => boolean = () => true,
): WireStoredEvent[] {
  const taken: WireStoredEvent[] = [];
  for (let index = Math.max(0, from); index < events.length && BigInt(taken.length) < count; index += 1) {
    const event = events[index];
    if (event && matching(event)) taken.push(event);
  }
  return taken;
}

function takeBackwards(
  events: readonly WireStoredEvent[],
  from: number,
  count: bigint,
  matching: (event: WireStoredEvent) => boolean = () => true,
): WireStoredEvent[] {
  const taken: WireStoredEvent[] = [];
  for (let index = Math.min(from, events.length - 1); index >= 0 && BigInt(taken.length) < count; index -= 1) {
    const event = events[index];
    if (event && matching(event)) taken.push(event);
  }
  return taken;
}

function limitOf(options: ReadOptions): bigint {
  return options.hasCount() ? BigInt(options.getCount()) : 0n;
}

/** Ends a server-streaming call with a gRPC status instead of OK. */
function failCall(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}
