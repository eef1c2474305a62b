import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq } from './generated-protocol.bindings.js';
import type { ReadReq as ReadReqMessage, ReadResp as ReadRespMessage } from './generated-protocol.bindings.js';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './read-response.mapper.js';
import type { WireFilter } from './wire-filter.matcher.js';
import type { WireLog, WireStoredEvent } from './wire-log.store.js';

type SubscriptionCall = ServerWritableStream<ReadReqMessage, ReadRespMessage>;

interface LiveSubscription {
  readonly call: SubscriptionCall;
  stop(): void;
}

/**
 * Catch-up subscriptions to $all: confirmation first, then every stored event after the
 * start position (exclusive, as the server skips the event at the checkpoint it was
 * given), a caught-up marker, then live events as they are appended. Catch-up and the
 * switch to live happen in one synchronous step, so no append can slip between them.
 */
export class WireSubscriptions {
  private readonly live = new Set<LiveSubscription>();

  constructor(private readonly log: WireLog) {}

  start(
    call: SubscriptionCall,
    allOptions: InstanceType<typeof ReadReq.Options.AllOptions>,
    filter: WireFilter | undefined,
    structuredUuid: boolean,
  ): void {
    const cases = ReadReq.Options.AllOptions.AllOptionCase;
    let after: bigint;
    switch (allOptions.getAllOptionCase()) {
      case cases.POSITION:
        after = BigInt(allOptions.getPosition()?.getCommitPosition() ?? '0');
        break;
      case cases.END:
        after = this.log.headPosition();
        break;
      default:
        after = 0n;
    }

    let scanned = 0;
    const deliver = (event: WireStoredEvent): void => {
      if (call.cancelled || call.writableEnded) return;
      scanned += 1;
      if (!filter || filter.matches(event)) call.write(eventResponse(event, structuredUuid));
      // Checkpoints let a filtered subscriber advance past long runs of events it skips.
      if (filter && scanned % filter.checkpointEvery === 0) call.write(checkpointResponse(event.position));
    };

    call.write(confirmationResponse(randomUUID()));
    const history = this.log.events();
    for (let index = this.log.indexAtOrAfter(after + 1n); index < history.length; index += 1) {
      const event = history[index];
      if (event) deliver(event);
    }
    call.write(caughtUpResponse());

    const unsubscribe = this.log.onAppended(deliver);
    const subscription: LiveSubscription = {
      call,
      stop: () => {
        unsubscribe();
        this.live.delete(subscription);
      },
    };
    this.live.add(subscription);
    call.on('cancelled', subscription.stop);
    call.on('error', subscription.stop);
    call.on('finish', subscription.stop);
  }

  /** Ends every live subscription with UNAVAILABLE, as a server restart or network fault does. */
  dropAll(details: string): void {
    for (const subscription of [...this.live]) {
      subscription.stop();
      subscription.call.emit('error', { code: status.UNAVAILABLE, details });
    }
  }

  count(): number {
    return this.live.size;
  }
}
