import type { PipelineDefinition } from './pipeline.types.js';

/** Creates the pipeline or stores a new version of it (PUT /pipelines/{id}). */
export interface ConfigurePipeline {
  readonly type: 'ConfigurePipeline';
  readonly pipelineId: string;
  readonly definition: PipelineDefinition;
  /**
   * The version the caller last read (null: it means to create the pipeline); a pipeline
   * changed meanwhile refuses the command rather than losing the other change.
   */
  readonly expectedVersion?: number | null;
  readonly actor: string;
  readonly now: Date;
}

export type PipelineCommand = ConfigurePipeline;
