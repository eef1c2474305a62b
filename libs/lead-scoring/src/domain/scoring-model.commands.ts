/**
 * Replace the tenant's scoring model. `model` arrives from outside and is validated by
 * the decider, hence `unknown`; `now` comes from the clock.
 */
export type ChangeScoringModel = {
  readonly type: 'ChangeScoringModel';
  readonly model: unknown;
  readonly changedBy: string;
  readonly reason: string | null;
  readonly now: Date;
};

export type ScoringModelCommand = ChangeScoringModel;
