import { DomainError, InvalidInputError, moneyProblem, type Money } from '#ltc/kernel';
import type {
  EditOpportunity,
  LoseOpportunity,
  MoveOpportunityStage,
  OpenOpportunity,
  ReopenOpportunity,
  WinOpportunity,
} from './opportunity.commands.js';
import type { OpportunityEvent } from './opportunity.events.js';
import type { OpportunityState } from './opportunity.state.js';
import { checkGates } from './opportunity-gates.js';
import {
  calendarDate,
  existing,
  existingQuote,
  iso,
  managesDeal,
  openDeal,
  optional,
  ownPipeline,
  required,
} from './opportunity-guards.js';
import { firstOpenStage, outcomeStage, stageById, type PipelineConfig, type PipelineStage } from './pipeline.types.js';

export function decideOpen(command: OpenOpportunity, state: OpportunityState): OpportunityEvent[] {
  if (state.status !== 'none') {
    // A retried or replayed conversion of the same lead opens the deal once.
    const replay = command.origin === 'lead_conversion' && state.lead?.leadId === command.lead?.leadId;
    if (replay) return [];
    throw new DomainError('OPPORTUNITY_ALREADY_EXISTS', `Opportunity ${command.opportunityId} already exists`);
  }
  if (command.origin === 'lead_conversion' && command.lead === null) {
    throw new InvalidInputError('lead', 'required', 'a lead conversion names the lead it converts');
  }
  const stage = firstOpenStage(command.pipeline);
  if (stage === undefined) throw new InvalidInputError('pipeline', 'anOpenStage', 'the pipeline has no open stage');
  return [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId: command.opportunityId,
        origin: command.origin,
        lead: command.lead,
        name: required(command.name, 'name'),
        account: optional(command.account),
        amount: command.amount === null ? null : checkedAmount(command.amount),
        closeDate: command.closeDate === null ? null : calendarDate(command.closeDate, 'closeDate'),
        productsOfInterest: [...new Set(command.productsOfInterest.map((p) => p.trim()).filter((p) => p !== ''))],
        owner: required(command.owner, 'owner'),
        team: optional(command.team),
        region: optional(command.region),
        pipelineId: command.pipeline.pipelineId,
        pipelineVersion: command.pipeline.version,
        stageId: stage.id,
        probabilityBp: stage.probabilityBp,
        forecastCategory: stage.forecastCategory,
        actor: command.actor.id,
        at: iso(command.now),
      },
    },
  ];
}

/** One event per field that really changes, in a fixed order, each with the actor and reason. */
export function decideEdit(command: EditOpportunity, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const { changes } = command;
  const base = {
    opportunityId: deal.opportunityId,
    actor: command.actor.id,
    reason: optional(command.reason),
    at: iso(command.now),
  };
  const events: OpportunityEvent[] = [];
  if (changes.name !== undefined) {
    const name = required(changes.name, 'name');
    if (name !== deal.name)
      events.push({ type: 'OpportunityRenamed', data: { ...base, name, previousName: deal.name } });
  }
  if (changes.amount !== undefined) {
    const amount = changes.amount === null ? null : checkedAmount(changes.amount);
    if (!sameMoney(amount, deal.amount)) {
      events.push({ type: 'OpportunityAmountChanged', data: { ...base, amount, previousAmount: deal.amount } });
    }
  }
  if (changes.closeDate !== undefined) {
    const closeDate = changes.closeDate === null ? null : calendarDate(changes.closeDate, 'closeDate');
    if (closeDate !== deal.closeDate) {
      events.push({
        type: 'OpportunityCloseDateChanged',
        data: { ...base, closeDate, previousCloseDate: deal.closeDate },
      });
    }
  }
  if (changes.probabilityBp !== undefined) {
    const probabilityBp = checkedProbability(changes.probabilityBp);
    if (probabilityBp !== deal.probabilityBp) {
      events.push({
        type: 'OpportunityProbabilityChanged',
        data: { ...base, probabilityBp, previousProbabilityBp: deal.probabilityBp },
      });
    }
  }
  return events;
}

export function decideMoveStage(command: MoveOpportunityStage, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const pipeline = ownPipeline(deal, command.pipeline);
  const stage = knownStage(pipeline, command.stageId);
  if (stage.outcome !== 'open') {
    throw new DomainError(
      'STAGE_IS_AN_OUTCOME',
      `Stage ${stage.id} closes the deal; win or lose it instead of moving it there`,
      { stageId: stage.id },
    );
  }
  if (stage.id === deal.stageId) return [];
  checkGates(deal, stage);
  return [
    {
      type: 'OpportunityStageChanged',
      data: {
        opportunityId: deal.opportunityId,
        actor: command.actor.id,
        reason: optional(command.reason),
        at: iso(command.now),
        stageId: stage.id,
        previousStageId: deal.stageId,
        pipelineVersion: pipeline.version,
        probabilityBp: stage.probabilityBp,
        forecastCategory: stage.forecastCategory,
      },
    },
  ];
}

export function decideWin(command: WinOpportunity, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const pipeline = ownPipeline(deal, command.pipeline);
  const quote = existingQuote(deal, command.quoteVersion);
  const stage = outcome(pipeline, 'won');
  checkGates(deal, stage, command.quoteVersion);
  const amount: Money = { amountMinor: quote.content.totalMinor, currency: quote.content.currency };
  return [
    {
      type: 'OpportunityWon',
      data: {
        opportunityId: deal.opportunityId,
        actor: command.actor.id,
        reason: optional(command.reason),
        at: iso(command.now),
        quoteVersion: command.quoteVersion,
        amount,
        stageId: stage.id,
        previousStageId: deal.stageId,
        pipelineVersion: pipeline.version,
      },
    },
  ];
}

export function decideLose(command: LoseOpportunity, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const pipeline = ownPipeline(deal, command.pipeline);
  if (!pipeline.lossReasons.includes(command.reasonCode)) {
    throw new InvalidInputError(
      'reasonCode',
      'knownLossReason',
      `reasonCode must be one of the pipeline's loss reasons: ${pipeline.lossReasons.join(', ')}`,
    );
  }
  const stage = outcome(pipeline, 'lost');
  return [
    {
      type: 'OpportunityLost',
      data: {
        opportunityId: deal.opportunityId,
        actor: command.actor.id,
        reason: null,
        at: iso(command.now),
        reasonCode: command.reasonCode,
        competitor: optional(command.competitor),
        note: optional(command.note),
        stageId: stage.id,
        previousStageId: deal.stageId,
        pipelineVersion: pipeline.version,
      },
    },
  ];
}

export function decideReopen(command: ReopenOpportunity, state: OpportunityState): OpportunityEvent[] {
  const deal = existing(state, command.opportunityId);
  if (!managesDeal(command.actor, deal)) {
    throw new DomainError('REOPEN_NEEDS_SALES_MANAGER', "Only the deal's sales manager reopens a closed deal");
  }
  if (deal.status === 'open') {
    throw new DomainError('OPPORTUNITY_NOT_CLOSED', `Opportunity ${deal.opportunityId} is open`);
  }
  const reason = required(command.reason, 'reason');
  const pipeline = ownPipeline(deal, command.pipeline);
  // The stage it was closed from, or the first open stage if a new version dropped that one.
  const stage = stageById(pipeline, deal.stageBeforeClose ?? '') ?? firstOpenStage(pipeline);
  if (stage === undefined || stage.outcome !== 'open') {
    throw new InvalidInputError('pipeline', 'anOpenStage', 'the pipeline has no open stage');
  }
  return [
    {
      type: 'OpportunityReopened',
      data: {
        opportunityId: deal.opportunityId,
        actor: command.actor.id,
        reason,
        at: iso(command.now),
        stageId: stage.id,
        probabilityBp: stage.probabilityBp,
        forecastCategory: stage.forecastCategory,
      },
    },
  ];
}

function knownStage(pipeline: PipelineConfig, stageId: string): PipelineStage {
  const stage = stageById(pipeline, stageId);
  if (stage === undefined) {
    throw new InvalidInputError(
      'stage',
      'knownStage',
      `stage ${stageId} is not a stage of pipeline ${pipeline.pipelineId}`,
    );
  }
  return stage;
}

function outcome(pipeline: PipelineConfig, kind: 'won' | 'lost'): PipelineStage {
  const stage = outcomeStage(pipeline, kind);
  if (stage === undefined)
    throw new InvalidInputError('pipeline', `one${kind}Stage`, `the pipeline has no ${kind} stage`);
  return stage;
}

function checkedAmount(amount: Money): Money {
  const problem = moneyProblem(amount);
  if (problem !== undefined) throw new InvalidInputError('amount', 'money', `amount ${problem}`);
  return { amountMinor: amount.amountMinor, currency: amount.currency };
}

function checkedProbability(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw new InvalidInputError('probabilityBp', 'basisPoints', 'probabilityBp must be a whole number 0–10000');
  }
  return value;
}

const sameMoney = (a: Money | null, b: Money | null): boolean =>
  a === b || (a !== null && b !== null && a.amountMinor === b.amountMinor && a.currency === b.currency);
