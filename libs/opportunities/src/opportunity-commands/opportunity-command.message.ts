import { commandHandlerFor, type WithoutNow } from '#ltc/platform';
import type { OpenOpportunity, OpportunityCommand } from '../domain/opportunity.commands.js';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import { opportunityDecider } from '../domain/opportunity.decider.js';
import type { PipelineConfig } from '../domain/pipeline.types.js';
import { opportunityStream } from '../opportunity-streams.js';
import { completeOpportunityCommand } from './opportunity-pipeline.completion.js';

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

/**
 * Every deal command goes through one message and one generic handler. The handler keeps
 * recent deals' folded state: deal streams grow with every handoff, quote and timer.
 */
export const opportunityCommands = commandHandlerFor(opportunityDecider, {
  entity: 'Opportunity',
  stream: (_tenantId, opportunityId) => opportunityStream(opportunityId),
  parse: parseOpportunityEvent,
  cache: true,
  complete: completeOpportunityCommand,
});

/** The Nest CQRS message for every deal command. */
export const OpportunityCommandMessage = opportunityCommands.Message;
export type OpportunityCommandMessage = InstanceType<typeof OpportunityCommandMessage>;
