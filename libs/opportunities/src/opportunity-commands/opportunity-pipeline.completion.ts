import type { EventStore } from '#ltc/event-store';
import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { CommandFacts } from '#ltc/platform';
import type { OpportunityCommand, OpportunityCommandType } from '../domain/opportunity.commands.js';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import { opportunityStream } from '../opportunity-streams.js';
import { loadPipeline } from '../pipelines/pipeline-config.js';
import type { OpportunityCommandInput, PipelineCommand } from './opportunity-command.input.js';

/** A record, so the compiler refuses a command that reads the pipeline but is left out. */
const READS_PIPELINE: Record<PipelineCommand['type'], true> = {
  OpenOpportunity: true,
  MoveOpportunityStage: true,
  WinOpportunity: true,
  LoseOpportunity: true,
  ReopenOpportunity: true,
  RequestHandoff: true,
  CreateQuoteVersion: true,
};

const readsPipeline = (type: OpportunityCommandType): type is PipelineCommand['type'] => type in READS_PIPELINE;

/**
 * Adds the clock's now and, for a command that reads it, the pipeline's current configuration,
 * read from the pipeline's own stream: a stage moved right after a PUT /pipelines meets the
 * new gates. Runs again on every conflict retry, so the decision never reads an older version.
 */
export async function completeOpportunityCommand(
  input: OpportunityCommandInput,
  { now, tenantId, store }: CommandFacts,
): Promise<OpportunityCommand> {
  if (!readsPipeline(input.type)) return { ...input, now } as OpportunityCommand;
  if ('pipelineId' in input) {
    const { pipelineId, ...opening } = input;
    const stored = await loadPipeline(store, tenantId, pipelineId);
    if (stored === null)
      throw new InvalidInputError('pipeline', 'knownPipeline', `pipeline ${pipelineId} does not exist`);
    return { ...opening, pipeline: stored.config, now };
  }
  const pipelineId = await pipelineOfDeal(store, tenantId, input.opportunityId);
  const stored = await loadPipeline(store, tenantId, pipelineId);
  if (stored === null) throw new NotFoundError('Opportunity', input.opportunityId);
  return { ...input, pipeline: stored.config, now } as OpportunityCommand;
}

/**
 * The pipeline a deal lives in, from its opening event (a deal never changes pipeline). An
 * unknown deal, or another tenant's, is a 404 like the handler's own.
 */
async function pipelineOfDeal(store: EventStore, tenantId: string, opportunityId: string): Promise<string> {
  const [first] = await store.readStream(opportunityStream(opportunityId), { maxCount: 1 });
  const opened = first === undefined ? undefined : parseOpportunityEvent(first);
  if (first?.metadata.tenantId !== tenantId || opened?.type !== 'OpportunityOpened') {
    throw new NotFoundError('Opportunity', opportunityId);
  }
  return opened.data.pipelineId;
}
