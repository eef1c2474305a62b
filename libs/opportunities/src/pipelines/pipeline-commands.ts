import { commandHandlerFor } from '#ltc/platform';
import { parsePipelineEvent } from '../domain/opportunity-event.js';
import { pipelineDecider } from '../domain/pipeline.decider.js';
import { pipelineStream } from '../opportunity-streams.js';

/** Every pipeline command (so far: configure a version) goes through this one message and handler. */
export const pipelineCommands = commandHandlerFor(pipelineDecider, {
  entity: 'Pipeline',
  stream: pipelineStream,
  parse: parsePipelineEvent,
});
