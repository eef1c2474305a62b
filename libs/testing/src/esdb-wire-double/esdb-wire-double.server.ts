import { Server, ServerCredentials } from '@grpc/grpc-js';
import { appendHandler } from './append.handler.js';
import { ServerFeaturesService, StreamsService } from './generated-protocol.bindings.js';
import type { IServerFeaturesServer, IStreamsServer } from './generated-protocol.bindings.js';
import { readHandler } from './read.handler.js';
import { supportedMethodsHandler } from './server-features.handler.js';
import { WireSubscriptions } from './subscription.handler.js';
import { WireLog } from './wire-log.store.js';
import type { WireStoredEvent } from './wire-log.store.js';

export interface EsdbWireDoubleOptions {
  /**
   * Position of the first event. Any positive value; a value above 2^53 makes every
   * `Number()` conversion of a position in the code under test lose precision visibly.
   */
  readonly firstPosition?: bigint;
}

/** A running double: how to connect to it, how to inject faults, and how to look inside. */
export interface EsdbWireDouble {
  /** For `EventStoreDBClient.connectionString`: `esdb://127.0.0.1:PORT?tls=false`. */
  readonly connectionString: string;
  /** Ends every live subscription call with UNAVAILABLE, like a server restart or network fault. */
  dropSubscriptions(): void;
  /** How many subscription calls are currently live (catch-up done, waiting for appends). */
  liveSubscriptionCount(): number;
  /** Everything stored, in log order, exactly as the server would hold it (raw bytes). */
  storedEvents(): readonly WireStoredEvent[];
  /** Stops the server; open calls end as they would when the process dies. */
  stop(): Promise<void>;
}

const DEFAULT_FIRST_POSITION = 4_096n;

/**
 * Starts an EventStoreDB test double that speaks the real gRPC wire protocol, with the
 * client's own generated service definitions, on 127.0.0.1 and an ephemeral port,
 * without TLS. See README.md beside this file for what it models and what it does not.
 */
export async function startEsdbWireDouble(options: EsdbWireDoubleOptions = {}): Promise<EsdbWireDouble> {
  const log = new WireLog(options.firstPosition ?? DEFAULT_FIRST_POSITION);
  const subscriptions = new WireSubscriptions(log);
  const server = new Server();

  // Delete, Tombstone and BatchAppend are left out on purpose: grpc-js answers them with
  // UNIMPLEMENTED, which is the honest reply from a double that does not model them.
  const streams: Pick<IStreamsServer, 'read' | 'append'> = {
    read: readHandler(log, subscriptions),
    append: appendHandler(log),
  };
  const features: IServerFeaturesServer = { getSupportedMethods: supportedMethodsHandler() };
  server.addService(StreamsService, streams);
  server.addService(ServerFeaturesService, features);

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, boundPort) => {
      if (error) reject(error);
      else resolve(boundPort);
    });
  });

  let stopped = false;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    dropSubscriptions: () => subscriptions.dropAll('Server is shutting down (dropped by the wire double)'),
    liveSubscriptionCount: () => subscriptions.count(),
    storedEvents: () => log.events(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      subscriptions.dropAll('Server stopped');
      server.forceShutdown();
    },
  };
}
