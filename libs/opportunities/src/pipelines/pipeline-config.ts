import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { DEFAULT_PIPELINE, parsePipelineEvent, pipelineDecider, type PipelineConfig } from '../domain/index.js';
import { DEFAULT_PIPELINE_ID, pipelineStream } from '../opportunity-streams.js';

/** A pipeline as it stands, with the stream revision an `If-Match` names (undefined: never written). */
export interface StoredPipeline {
  readonly config: PipelineConfig;
  readonly revision: bigint | undefined;
}

/**
 * The pipeline's current configuration, read from its own stream (never a lagging read model:
 * a stage moved a moment after a PUT must meet the new gates). A tenant that never configured
 * `default` works with the built-in `DEFAULT_PIPELINE` as version 0, so deals open from the
 * first conversion without set-up; its first PUT stores version 1. Null: no such pipeline.
 */
export async function loadPipeline(
  store: EventStore,
  tenantId: string,
  pipelineId: string,
  options: { readonly upTo?: bigint } = {},
): Promise<StoredPipeline | null> {
  const folded = await aggregateStream(store, pipelineDecider, pipelineStream(tenantId, pipelineId), {
    parse: parsePipelineEvent,
    ...(options.upTo !== undefined ? { upTo: options.upTo } : {}),
  });
  if (folded.state.status === 'configured' && folded.tenantId === tenantId) {
    return { config: folded.state.config, revision: folded.revision };
  }
  if (pipelineId === DEFAULT_PIPELINE_ID) {
    return { config: { pipelineId, version: 0, ...DEFAULT_PIPELINE }, revision: undefined };
  }
  return null;
}
