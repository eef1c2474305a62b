import { DomainError, type Decider } from '#ltc/kernel';
import type { PipelineCommand } from './pipeline.commands.js';
import type { PipelineEvent } from './pipeline.events.js';
import { initialPipelineState, type PipelineState } from './pipeline.state.js';
import type { PipelineConfig, PipelineDefinition } from './pipeline.types.js';
import { validatePipeline } from './pipeline.validate.js';

/** Decides a change of a pipeline's configuration; the same definition again changes nothing. */
export function decidePipeline(command: PipelineCommand, state: PipelineState): PipelineEvent[] {
  const current = state.status === 'configured' ? state.config : null;
  const expected = command.expectedVersion;
  if (expected !== undefined && expected !== (current?.version ?? null)) {
    throw new DomainError(
      'PIPELINE_VERSION_CONFLICT',
      `Pipeline ${command.pipelineId} is at version ${current?.version ?? 'none'}, not ${expected ?? 'none'}`,
      { version: current?.version ?? null },
    );
  }
  validatePipeline(command.definition);
  const definition = canonicalDefinition(command.definition);
  if (current !== null && sameDefinition(current, definition)) return [];
  const pipeline: PipelineConfig = {
    pipelineId: command.pipelineId,
    version: (current?.version ?? 0) + 1,
    ...definition,
  };
  return [
    {
      type: 'PipelineConfigured',
      data: {
        pipeline,
        previousVersion: current?.version ?? null,
        actor: command.actor,
        at: command.now.toISOString(),
      },
    },
  ];
}

export function evolvePipeline(_state: PipelineState, event: PipelineEvent): PipelineState {
  switch (event.type) {
    case 'PipelineConfigured':
      return { status: 'configured', config: event.data.pipeline };
    default: {
      const unknown: never = event.type;
      void unknown;
      return _state;
    }
  }
}

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: initialPipelineState,
  decide: decidePipeline,
  evolve: evolvePipeline,
};

/** The definition with trimmed names and fields in one order, so equal definitions compare equal. */
function canonicalDefinition(definition: PipelineDefinition): PipelineDefinition {
  return {
    name: definition.name.trim(),
    stages: definition.stages.map(({ id, name, outcome, probabilityBp, forecastCategory, gates }) => ({
      id,
      name: name.trim(),
      outcome,
      probabilityBp,
      forecastCategory,
      gates: [...new Set(gates)],
    })),
    discountApprovalThresholdBp: definition.discountApprovalThresholdBp,
    handoffAcceptanceTargetSeconds: definition.handoffAcceptanceTargetSeconds,
    overdueEscalationSeconds: definition.overdueEscalationSeconds,
    lossReasons: [...definition.lossReasons],
  };
}

function sameDefinition(config: PipelineConfig, definition: PipelineDefinition): boolean {
  const { pipelineId: _id, version: _version, ...stored } = config;
  return JSON.stringify(canonicalDefinition(stored)) === JSON.stringify(definition);
}
