/** Where a deal in a stage counts in the forecast (docs/domain.md › Opportunities). */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/**
 * What must be true to enter a stage. `triangle_has_sr`: a solution responsible is in the
 * triangle (the SR leads the bid). `quote_sent`: some quote version went to the customer.
 * `winning_quote_sent`: the quote version named as the winner went to the customer (which
 * means it was approved first wherever its discount needed approval).
 */
export const STAGE_GATES = ['triangle_has_sr', 'quote_sent', 'winning_quote_sent'] as const;
export type StageGate = (typeof STAGE_GATES)[number];

/** An open stage is worked; `won` and `lost` end the deal and are entered only by winning or losing it. */
export type StageOutcome = 'open' | 'won' | 'lost';

export interface PipelineStage {
  /** A slug (`develop_solution`), stable across versions: events name stages by it. */
  readonly id: string;
  readonly name: string;
  readonly outcome: StageOutcome;
  /** Default win probability in basis points (0–10 000 = 0–100 %), given to a deal entering the stage. */
  readonly probabilityBp: number;
  readonly forecastCategory: ForecastCategory;
  readonly gates: readonly StageGate[];
}

/** Everything about a pipeline that decisions read; a new version replaces it whole. */
export interface PipelineDefinition {
  readonly name: string;
  /** In order: open stages first (a new deal enters the first), then one won and one lost stage. */
  readonly stages: readonly PipelineStage[];
  /** A quote whose total discount is above this (basis points; 1 500 = 15 %) needs a sales manager's approval. */
  readonly discountApprovalThresholdBp: number;
  /** Seconds a receiver has to accept a handoff before it is overdue and the sponsor is told (an OLA). */
  readonly handoffAcceptanceTargetSeconds: number;
  /** Seconds after a handoff became overdue at which it is escalated to the sales manager. */
  readonly overdueEscalationSeconds: number;
  /** The reason codes a lost deal may give (`price`, `competitor`…). */
  readonly lossReasons: readonly string[];
}

/** A pipeline as configured: its definition with the id and version it was stored under. */
export interface PipelineConfig extends PipelineDefinition {
  readonly pipelineId: string;
  readonly version: number;
}

export const DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BP = 1500;
export const DEFAULT_HANDOFF_ACCEPTANCE_TARGET_SECONDS = 24 * 60 * 60;
export const DEFAULT_OVERDUE_ESCALATION_SECONDS = 24 * 60 * 60;

/** Qualify → develop solution → bid → negotiate → won / lost, with the gates issue 9 names. */
export const DEFAULT_PIPELINE: PipelineDefinition = {
  name: 'New business',
  stages: [
    { id: 'qualify', name: 'Qualify', outcome: 'open', probabilityBp: 1000, forecastCategory: 'pipeline', gates: [] },
    {
      id: 'develop_solution',
      name: 'Develop solution',
      outcome: 'open',
      probabilityBp: 2500,
      forecastCategory: 'pipeline',
      gates: [],
    },
    {
      id: 'bid',
      name: 'Bid',
      outcome: 'open',
      probabilityBp: 5000,
      forecastCategory: 'best_case',
      gates: ['triangle_has_sr'],
    },
    {
      id: 'negotiate',
      name: 'Negotiate',
      outcome: 'open',
      probabilityBp: 7500,
      forecastCategory: 'commit',
      gates: ['quote_sent'],
    },
    {
      id: 'won',
      name: 'Won',
      outcome: 'won',
      probabilityBp: 10_000,
      forecastCategory: 'closed',
      gates: ['winning_quote_sent'],
    },
    { id: 'lost', name: 'Lost', outcome: 'lost', probabilityBp: 0, forecastCategory: 'omitted', gates: [] },
  ],
  discountApprovalThresholdBp: DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BP,
  handoffAcceptanceTargetSeconds: DEFAULT_HANDOFF_ACCEPTANCE_TARGET_SECONDS,
  overdueEscalationSeconds: DEFAULT_OVERDUE_ESCALATION_SECONDS,
  lossReasons: ['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'solution_fit'],
};

export const firstOpenStage = (pipeline: PipelineDefinition): PipelineStage | undefined =>
  pipeline.stages.find((stage) => stage.outcome === 'open');

export const outcomeStage = (pipeline: PipelineDefinition, outcome: 'won' | 'lost'): PipelineStage | undefined =>
  pipeline.stages.find((stage) => stage.outcome === outcome);

export const stageById = (pipeline: PipelineDefinition, stageId: string): PipelineStage | undefined =>
  pipeline.stages.find((stage) => stage.id === stageId);
