import type { PipelineConfig } from './pipeline.types.js';

export type PipelineState =
  { readonly status: 'none' } | { readonly status: 'configured'; readonly config: PipelineConfig };

export const initialPipelineState = (): PipelineState => ({ status: 'none' });
