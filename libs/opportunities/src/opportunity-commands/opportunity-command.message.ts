import { commandHandlerFor } from '#ltc/platform';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import { opportunityDecider } from '../domain/opportunity.decider.js';
import { opportunityStream } from '../opportunity-streams.js';
import { completeOpportunityCommand } from './opportunity-pipeline.completion.js';

export type { OpportunityCommandInput, PipelineCommand } from './opportunity-command.input.js';

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
