import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
import { parsePipelineEvent } from '../domain/opportunity-event.js';

/** Row shape of `opportunity_pipelines`: a tenant's configured pipelines, each at its latest version. */
export type OpportunityPipelineRow = {
  tenant_id: string;
  pipeline_id: string;
  name: string;
  version: number;
  /** The whole `PipelineConfig` as JSON: the list shows what GET /pipelines/{id} shows. */
  config: string;
  updated_at: string;
  revision: string;
};

export type OpportunityPipelineTables = { opportunity_pipelines: OpportunityPipelineRow };

export const opportunityPipelinesDb = (db: ReadModelDb | ReadModelTransaction) =>
  db.withTables<OpportunityPipelineTables>();

/** The list behind `GET /pipelines` (one row per configured pipeline; `default` is listed even before). */
export const opportunityPipelinesProjection: Projection = {
  name: 'opportunity_pipelines',
  version: 1,
  filter: { streamPrefixes: ['pipeline-'] },

  async setup(db) {
    await db.schema
      .createTable('opportunity_pipelines')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('opportunity_pipelines_pk', ['tenant_id', 'pipeline_id'])
      .execute();
  },

  async reset(trx) {
    await opportunityPipelinesDb(trx).deleteFrom('opportunity_pipelines').execute();
  },

  async apply(trx, recorded: RecordedEvent) {
    const event = parsePipelineEvent(recorded);
    if (event?.type !== 'PipelineConfigured') return;
    const { pipeline, at } = event.data;
    const row: OpportunityPipelineRow = {
      tenant_id: recorded.metadata.tenantId,
      pipeline_id: pipeline.pipelineId,
      name: pipeline.name,
      version: pipeline.version,
      config: JSON.stringify(pipeline),
      updated_at: at,
      revision: recorded.revision.toString(),
    };
    await upsertRow(trx, 'opportunity_pipelines', row, ['tenant_id', 'pipeline_id']);
  },
};
