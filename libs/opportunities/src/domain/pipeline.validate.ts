import { InvalidInputError } from '#ltc/kernel';
import { FORECAST_CATEGORIES, STAGE_GATES, type PipelineDefinition, type PipelineStage } from './pipeline.types.js';

const SLUG = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_BP = 10_000;
const YEAR_SECONDS = 366 * 24 * 60 * 60;

const fail = (field: string, rule: string, message: string): never => {
  throw new InvalidInputError(field, rule, message);
};

const isInt = (value: number, min: number, max: number): boolean =>
  Number.isSafeInteger(value) && value >= min && value <= max;

/**
 * Refuses a pipeline definition that decisions could not work with, naming the first field
 * and rule it breaks (HTTP 400). The shape (types of the fields) is the DTO's to check; these
 * are the rules only the domain knows.
 */
export function validatePipeline(definition: PipelineDefinition): void {
  if (definition.name.trim() === '') fail('name', 'notEmpty', 'name must not be empty');
  validateStages(definition.stages);
  if (!isInt(definition.discountApprovalThresholdBp, 0, MAX_BP)) {
    fail('discountApprovalThresholdBp', 'basisPoints', 'discountApprovalThresholdBp must be a whole number 0–10000');
  }
  if (!isInt(definition.handoffAcceptanceTargetSeconds, 1, YEAR_SECONDS)) {
    fail(
      'handoffAcceptanceTargetSeconds',
      'seconds',
      'handoffAcceptanceTargetSeconds must be whole seconds, 1 to a year',
    );
  }
  if (!isInt(definition.overdueEscalationSeconds, 1, YEAR_SECONDS)) {
    fail('overdueEscalationSeconds', 'seconds', 'overdueEscalationSeconds must be whole seconds, 1 to a year');
  }
  validateLossReasons(definition.lossReasons);
}

function validateStages(stages: readonly PipelineStage[]): void {
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    validateStage(stage, `stages[${index}]`);
    if (seen.has(stage.id)) fail(`stages[${index}].id`, 'unique', `stage id ${stage.id} is given twice`);
    seen.add(stage.id);
    const previous = stages[index - 1];
    if (stage.outcome === 'open' && previous !== undefined && previous.outcome !== 'open') {
      fail(`stages[${index}]`, 'openStagesFirst', 'open stages come before the won and lost stages');
    }
  });
  const count = (outcome: PipelineStage['outcome']): number => stages.filter((s) => s.outcome === outcome).length;
  if (count('open') === 0) fail('stages', 'anOpenStage', 'a pipeline needs at least one open stage');
  if (count('won') !== 1) fail('stages', 'oneWonStage', 'a pipeline needs exactly one won stage');
  if (count('lost') !== 1) fail('stages', 'oneLostStage', 'a pipeline needs exactly one lost stage');
}

function validateStage(stage: PipelineStage, field: string): void {
  if (!SLUG.test(stage.id)) fail(`${field}.id`, 'slug', 'a stage id is a lower-case slug such as develop_solution');
  if (stage.name.trim() === '') fail(`${field}.name`, 'notEmpty', 'a stage name must not be empty');
  if (!isInt(stage.probabilityBp, 0, MAX_BP)) {
    fail(`${field}.probabilityBp`, 'basisPoints', 'probabilityBp must be a whole number 0–10000');
  }
  if (!(FORECAST_CATEGORIES as readonly string[]).includes(stage.forecastCategory)) {
    fail(
      `${field}.forecastCategory`,
      'knownCategory',
      `forecastCategory must be one of ${FORECAST_CATEGORIES.join(', ')}`,
    );
  }
  stage.gates.forEach((gate, i) => {
    if (!(STAGE_GATES as readonly string[]).includes(gate)) {
      fail(`${field}.gates[${i}]`, 'knownGate', `a gate is one of ${STAGE_GATES.join(', ')}`);
    }
    // Only winning names a quote version, so only the won stage can ask for it.
    if (gate === 'winning_quote_sent' && stage.outcome !== 'won') {
      fail(`${field}.gates[${i}]`, 'onlyOnWon', 'winning_quote_sent is a gate of the won stage only');
    }
  });
}

function validateLossReasons(reasons: readonly string[]): void {
  if (reasons.length === 0) fail('lossReasons', 'notEmpty', 'a pipeline needs at least one loss reason');
  reasons.forEach((reason, i) => {
    if (!SLUG.test(reason)) fail(`lossReasons[${i}]`, 'slug', 'a loss reason is a lower-case slug such as price');
    if (reasons.indexOf(reason) !== i) fail(`lossReasons[${i}]`, 'unique', `loss reason ${reason} is given twice`);
  });
}
