import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { SupportedMethod, SupportedMethods } from './generated-protocol.bindings.js';
import type { Empty } from './generated-protocol.bindings.js';

/** The version the double claims; the client only logs it. */
export const WIRE_DOUBLE_SERVER_VERSION = '24.10.0-wire-double';

const STREAMS_SERVICE = 'event_store.client.streams.streams';
const FEATURES_SERVICE = 'event_store.client.server_features.serverfeatures';

/**
 * `ServerFeatures.GetSupportedMethods`. Advertising Read and Append but not BatchAppend
 * is what makes the client send appends over `Streams.Append`, the one append RPC the
 * double implements. Names are lower-case, as the server reports them.
 */
export function supportedMethodsHandler() {
  return (
    _call: ServerUnaryCall<InstanceType<typeof Empty>, InstanceType<typeof SupportedMethods>>,
    callback: sendUnaryData<InstanceType<typeof SupportedMethods>>,
  ): void => {
    const methods = new SupportedMethods();
    methods.setEventStoreServerVersion(WIRE_DOUBLE_SERVER_VERSION);
    for (const [serviceName, methodName] of [
      [STREAMS_SERVICE, 'read'],
      [STREAMS_SERVICE, 'append'],
      [FEATURES_SERVICE, 'getsupportedmethods'],
    ] as const) {
      const method = new SupportedMethod();
      method.setServiceName(serviceName);
      method.setMethodName(methodName);
      methods.addMethods(method);
    }
    callback(null, methods);
  };
}
