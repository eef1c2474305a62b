import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { Actor } from './opportunity-vocabulary.js';
import type { PipelineConfig } from './pipeline.types.js';
import type { Opportunity, OpportunityState, Quote } from './opportunity.state.js';
import { quoteOf } from './opportunity.state.js';

/** The deal must exist; a command on a missing one is a 404. */
export function existing(state: OpportunityState, opportunityId: string): Opportunity {
  if (state.status === 'none') throw new NotFoundError('Opportunity', opportunityId);
  return state;
}

/** The deal must exist and be open (neither won nor lost). */
export function openDeal(state: OpportunityState, opportunityId: string): Opportunity {
  const deal = existing(state, opportunityId);
  if (deal.status !== 'open') {
    throw new DomainError('OPPORTUNITY_CLOSED', `Opportunity ${opportunityId} is ${deal.status}`, {
      status: deal.status,
    });
  }
  return deal;
}

/** The deal must exist and not be lost: a won deal still changes hands (the FR takes over after signing). */
export function liveDeal(state: OpportunityState, opportunityId: string): Opportunity {
  const deal = existing(state, opportunityId);
  if (deal.status === 'lost') {
    throw new DomainError('OPPORTUNITY_LOST', `Opportunity ${opportunityId} is lost; reopen it first`);
  }
  return deal;
}

/** The configuration the command carries must be the deal's own pipeline. */
export function ownPipeline(deal: Opportunity, pipeline: PipelineConfig): PipelineConfig {
  if (pipeline.pipelineId !== deal.pipelineId) {
    throw new DomainError(
      'PIPELINE_MISMATCH',
      `Opportunity ${deal.opportunityId} is in pipeline ${deal.pipelineId}, not ${pipeline.pipelineId}`,
    );
  }
  return pipeline;
}

export function existingQuote(deal: Opportunity, version: number): Quote {
  const quote = quoteOf(deal, version);
  if (quote === undefined) throw new NotFoundError('QuoteVersion', `${deal.opportunityId}/${version}`);
  return quote;
}

/** A free text the rule requires: trimmed, not empty. */
export function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new InvalidInputError(field, 'notEmpty', `${field} must not be empty`);
  return trimmed;
}

/** An optional free text: trimmed, and null when blank. */
export const optional = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` date that exists on the calendar (no 31 April). */
export function calendarDate(value: string, field: string): string {
  const match = CALENDAR_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidInputError(field, 'calendarDate', `${field} must be a date YYYY-MM-DD`);
  }
  return value;
}

export const iso = (date: Date): string => date.toISOString();

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);

/** Whether the actor is this deal's sales manager: a sales manager of every deal, or of the deal's team. */
export function managesDeal(actor: Actor, deal: Opportunity): boolean {
  if (!actor.salesManager) return false;
  return actor.managerOf === undefined || (deal.team !== null && actor.managerOf.includes(deal.team));
}
