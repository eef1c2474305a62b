import { deciderSpec } from '#ltc/testing/decider-spec';
import type { PipelineCommand } from './pipeline.commands.js';
import { pipelineDecider } from './pipeline.decider.js';
import { DEFAULT_PIPELINE, type PipelineDefinition } from './pipeline.types.js';

const { given, history } = deciderSpec(pipelineDecider);
const now = new Date('2026-03-01T09:00:00Z');
const configure = (definition: PipelineDefinition, expectedVersion?: number | null): PipelineCommand => ({
  type: 'ConfigurePipeline',
  pipelineId: 'new-business',
  definition,
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
  actor: 'max-manager',
  now,
});

describe('Pipeline › configure', () => {
  it('given no pipeline, when the default is configured, then version 1 with its six stages and 15 % threshold', () => {
    const data = given([]).when(configure(DEFAULT_PIPELINE, null)).thenEmitsOne('PipelineConfigured');
    expect(data.pipeline).toMatchObject({ pipelineId: 'new-business', version: 1, discountApprovalThresholdBp: 1500 });
    expect(data.pipeline.stages.map((s) => s.id)).toEqual([
      'qualify',
      'develop_solution',
      'bid',
      'negotiate',
      'won',
      'lost',
    ]);
    expect(data.pipeline.handoffAcceptanceTargetSeconds).toBe(86_400);
    expect(data.previousVersion).toBeNull();
  });

  it('given version 1, when changed, then version 2; the same definition again changes nothing', () => {
    const v1 = history(configure(DEFAULT_PIPELINE));
    const faster = { ...DEFAULT_PIPELINE, handoffAcceptanceTargetSeconds: 5 };
    const data = given(v1).when(configure(faster, 1)).thenEmitsOne('PipelineConfigured');
    expect([data.pipeline.version, data.previousVersion, data.pipeline.handoffAcceptanceTargetSeconds]).toEqual([
      2, 1, 5,
    ]);
    given(v1)
      .when(configure({ ...DEFAULT_PIPELINE, name: ' New business ' }))
      .thenNothing();
  });

  it('given version 1, when configured expecting another version, then PIPELINE_VERSION_CONFLICT', () => {
    given(history(configure(DEFAULT_PIPELINE)))
      .when(configure(DEFAULT_PIPELINE, null))
      .thenFails('PIPELINE_VERSION_CONFLICT');
  });

  const stages = DEFAULT_PIPELINE.stages;
  const [qualify, , bid] = stages;
  const refusals: [string, PipelineDefinition, string, string][] = [
    ['a blank name', { ...DEFAULT_PIPELINE, name: ' ' }, 'name', 'notEmpty'],
    [
      'no won stage',
      { ...DEFAULT_PIPELINE, stages: stages.filter((s) => s.outcome !== 'won') },
      'stages',
      'oneWonStage',
    ],
    [
      'no lost stage',
      { ...DEFAULT_PIPELINE, stages: stages.filter((s) => s.outcome !== 'lost') },
      'stages',
      'oneLostStage',
    ],
    [
      'no open stage',
      { ...DEFAULT_PIPELINE, stages: stages.filter((s) => s.outcome !== 'open') },
      'stages',
      'anOpenStage',
    ],
    ['a repeated stage id', { ...DEFAULT_PIPELINE, stages: [...stages, qualify!] }, 'stages[6].id', 'unique'],
    [
      'an open stage after the outcomes',
      { ...DEFAULT_PIPELINE, stages: [...stages.slice(1), qualify!] },
      'stages[5]',
      'openStagesFirst',
    ],
    [
      'a probability over 100 %',
      { ...DEFAULT_PIPELINE, stages: [{ ...qualify!, probabilityBp: 10_001 }, ...stages.slice(1)] },
      'stages[0].probabilityBp',
      'basisPoints',
    ],
    [
      'a bad stage id',
      { ...DEFAULT_PIPELINE, stages: [{ ...qualify!, id: 'Qualify Now' }, ...stages.slice(1)] },
      'stages[0].id',
      'slug',
    ],
    [
      'winning_quote_sent on an open stage',
      { ...DEFAULT_PIPELINE, stages: [qualify!, { ...bid!, gates: ['winning_quote_sent'] }, ...stages.slice(3)] },
      'stages[1].gates[0]',
      'onlyOnWon',
    ],
    [
      'a threshold over 100 %',
      { ...DEFAULT_PIPELINE, discountApprovalThresholdBp: 10_001 },
      'discountApprovalThresholdBp',
      'basisPoints',
    ],
    [
      'a fractional threshold',
      { ...DEFAULT_PIPELINE, discountApprovalThresholdBp: 15.5 },
      'discountApprovalThresholdBp',
      'basisPoints',
    ],
    [
      'a zero acceptance target',
      { ...DEFAULT_PIPELINE, handoffAcceptanceTargetSeconds: 0 },
      'handoffAcceptanceTargetSeconds',
      'seconds',
    ],
    [
      'a zero escalation step',
      { ...DEFAULT_PIPELINE, overdueEscalationSeconds: 0 },
      'overdueEscalationSeconds',
      'seconds',
    ],
    ['no loss reasons', { ...DEFAULT_PIPELINE, lossReasons: [] }, 'lossReasons', 'notEmpty'],
    ['a repeated loss reason', { ...DEFAULT_PIPELINE, lossReasons: ['price', 'price'] }, 'lossReasons[1]', 'unique'],
  ];
  it.each(refusals)(
    'given no pipeline, when configured with %s, then 400 naming the field and rule',
    (_, definition, field, rule) => {
      given([]).when(configure(definition)).thenFails({ code: 'VALIDATION_FAILED', field, rule });
    },
  );
});
