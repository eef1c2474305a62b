import { Metadata, status } from '@grpc/grpc-js';
import type { sendUnaryData, ServerErrorResponse, ServerReadableStream } from '@grpc/grpc-js';
import { AppendReq, AppendResp, Empty } from './generated-protocol.bindings.js';
import type {
  AppendReq as AppendReqMessage,
  AppendResp as AppendRespMessage,
  ProtoUuid,
} from './generated-protocol.bindings.js';
import type { AppendOutcome, ExpectedStreamState, ProposedEvent, WireLog } from './wire-log.store.js';

const UUID_PATTERN = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * `Streams.Append`: a client stream of one options message followed by the proposed
 * events; the server writes them all or none once the client half-closes, and reports a
 * wrong expected version as a normal response (not a gRPC error), as EventStoreDB does.
 */
export function appendHandler(log: WireLog) {
  return (
    call: ServerReadableStream<AppendReqMessage, AppendRespMessage>,
    callback: sendUnaryData<AppendRespMessage>,
  ): void => {
    let options: InstanceType<typeof AppendReq.Options> | undefined;
    const proposed: ProposedEvent[] = [];
    let failed = false;
    const fail = (error: ServerErrorResponse): void => {
      if (failed) return;
      failed = true;
      callback(error);
    };

    call.on('data', (request: AppendReqMessage) => {
      if (failed) return;
      const requestOptions = request.getOptions();
      if (requestOptions) {
        options = requestOptions;
        return;
      }
      const message = request.getProposedMessage();
      if (!message || !options) {
        fail(invalidArgument('An append must start with options, followed by proposed messages'));
        return;
      }
      const decoded = decodeProposedMessage(message);
      if ('error' in decoded) fail(decoded.error);
      else proposed.push(decoded.event);
    });
    call.on('error', () => {
      failed = true;
    });
    call.on('end', () => {
      if (failed) return;
      const identifier = options?.getStreamIdentifier();
      if (!options || !identifier) {
        fail(invalidArgument('An append needs options with a stream identifier'));
        return;
      }
      const stream = Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
      const expected = decodeExpected(options);
      callback(null, appendResponse(log.append(stream, expected, proposed), expected));
    });
  };
}

function decodeProposedMessage(
  message: InstanceType<typeof AppendReq.ProposedMessage>,
): { event: ProposedEvent } | { error: ServerErrorResponse } {
  const id = message.getId();
  const uuid = id ? normaliseUuid(id) : undefined;
  if (!uuid) return { error: invalidArgument('Every proposed message needs a valid UUID id') };
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (type === undefined || contentType === undefined) {
    const error = new Metadata();
    error.set('exception', 'missing-required-metadata-property');
    error.set('required-metadata-properties', 'type,content-type');
    return { error: invalidArgument('Missing required metadata property', error) };
  }
  return {
    event: {
      id: uuid,
      type,
      contentType,
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    },
  };
}

function normaliseUuid(uuid: ProtoUuid): string | undefined {
  const structured = uuid.getStructured();
  let hex: string;
  if (structured) {
    const bytes = Buffer.alloc(16);
    bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
    bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
    hex = bytes.toString('hex');
  } else {
    const match = UUID_PATTERN.exec(uuid.getString());
    if (!match) return undefined;
    hex = match.slice(1).join('');
  }
  hex = hex.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function decodeExpected(options: InstanceType<typeof AppendReq.Options>): ExpectedStreamState {
  const cases = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case cases.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case cases.NO_STREAM:
      return { kind: 'no_stream' };
    case cases.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedStreamState): AppendRespMessage {
  const response = new AppendResp();
  if (outcome.ok) {
    const success = new AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position > 0n) {
      const position = new AppendResp.Position();
      position.setCommitPosition(outcome.position.toString());
      position.setPreparePosition(outcome.position.toString());
      success.setPosition(position);
    } else {
      success.setNoPosition(new Empty());
    }
    response.setSuccess(success);
    return response;
  }

  // Only the current fields: the pre-20.6 ones are deprecated and the client ignores them.
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === undefined) {
    wrong.setCurrentNoStream(new Empty());
  } else {
    wrong.setCurrentRevision(outcome.current.toString());
  }
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(new Empty());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new Empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
  }
  response.setWrongExpectedVersion(wrong);
  return response;
}

function invalidArgument(details: string, metadata?: Metadata): ServerErrorResponse {
  const error: ServerErrorResponse = Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details });
  if (metadata) error.metadata = metadata;
  return error;
}
