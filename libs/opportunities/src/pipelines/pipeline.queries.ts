import type { ReadModelDb } from '#ltc/projections';
import { DEFAULT_PIPELINE, type PipelineConfig } from '../domain/pipeline.types.js';
import { DEFAULT_PIPELINE_ID } from '../opportunity-streams.js';
import { opportunityPipelinesDb } from './opportunity-pipelines.projection.js';

/**
 * The tenant's pipelines, by id, each at its latest version as the list projection has it;
 * `default` is always among them (the built-in version 0 until someone configures it).
 */
export async function listPipelines(db: ReadModelDb, tenantId: string): Promise<PipelineConfig[]> {
  const rows = await opportunityPipelinesDb(db)
    .selectFrom('opportunity_pipelines')
    .select(['pipeline_id', 'config'])
    .where('tenant_id', '=', tenantId)
    .orderBy('pipeline_id')
    .execute();
  const configured = rows.map((row) => JSON.parse(row.config) as PipelineConfig);
  if (configured.some((pipeline) => pipeline.pipelineId === DEFAULT_PIPELINE_ID)) return configured;
  const builtIn: PipelineConfig = { pipelineId: DEFAULT_PIPELINE_ID, version: 0, ...DEFAULT_PIPELINE };
  return [builtIn, ...configured].sort((a, b) => (a.pipelineId < b.pipelineId ? -1 : 1));
}
