import type { WithoutNow } from '#ltc/platform';
import type { OpenOpportunity, OpportunityCommand } from '../domain/opportunity.commands.js';
import type { PipelineConfig } from '../domain/pipeline.types.js';

/** The commands whose decision reads the deal's pipeline (its gates, threshold, targets, loss reasons). */
export type PipelineCommand = Extract<OpportunityCommand, { readonly pipeline: PipelineConfig }>;

type WithoutPipeline<C> = C extends unknown ? Omit<C, 'now' | 'pipeline'> : never;

/**
 * A deal command as a route or a dispatch writes it: without the clock's time and without the
 * pipeline, which the handler reads from the pipeline's stream (an opening names the pipeline
 * id; every other command uses the deal's own).
 */
export type OpportunityCommandInput =
  | WithoutNow<Exclude<OpportunityCommand, PipelineCommand>>
  | WithoutPipeline<Exclude<PipelineCommand, OpenOpportunity>>
  | (WithoutPipeline<OpenOpportunity> & { readonly pipelineId: string });
