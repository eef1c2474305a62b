/*
 * The client's own generated protobuf/gRPC modules, loaded once. They are CommonJS, so
 * ESM sees each as a single default export; re-exporting from here keeps every other
 * file of the double on named, typed imports. Using the client's definitions (not a
 * copy of the .proto files) means the double speaks exactly the wire format the
 * installed client was generated from.
 */
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';

export type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb.js';
export type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';

export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = serverFeaturesGrpc;
export const { ReadReq, ReadResp, AppendReq, AppendResp } = streamsPb;
export const { Empty, StreamIdentifier, UUID } = sharedPb;
export const { SupportedMethods, SupportedMethod } = serverFeaturesPb;

export type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
export type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
export type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
export type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
export type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
export type ProtoUuid = InstanceType<typeof sharedPb.UUID>;
