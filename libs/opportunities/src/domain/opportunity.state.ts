import type { Money } from '#ltc/kernel';
import type { LeadOrigin } from './opportunity.events.js';
import type { ForecastCategory } from './pipeline.types.js';
import type { QuoteContent } from './quote.events.js';
import type { CustomerAnswer, HandoffPhase, Triangle } from './opportunity-vocabulary.js';

export type HandoffStatus = 'pending' | 'accepted' | 'declined';

export interface Handoff {
  readonly handoffId: string;
  readonly from: string;
  readonly to: string;
  readonly phase: HandoffPhase;
  readonly status: HandoffStatus;
  readonly requestedAt: string;
  readonly dueAt: string;
  readonly escalateAt: string;
  readonly overdue: boolean;
  readonly escalated: boolean;
}

/**
 * Where a quote version stands: `draft` (may be sent if it needs no approval), waiting for
 * approval, approved, rejected (never sent), or sent to the customer.
 */
export type QuoteStatus = 'draft' | 'approval_requested' | 'approved' | 'rejected' | 'sent';

export interface Quote {
  readonly content: QuoteContent;
  readonly status: QuoteStatus;
  readonly approvalRequestedBy: string | null;
}

export interface Bid {
  readonly quoteVersion: number;
  readonly answer: CustomerAnswer | null;
}

export interface NoOpportunity {
  readonly status: 'none';
}

export interface Opportunity {
  readonly status: 'open' | 'won' | 'lost';
  readonly opportunityId: string;
  readonly lead: LeadOrigin | null;
  readonly name: string;
  readonly amount: Money | null;
  readonly closeDate: string | null;
  readonly probabilityBp: number;
  readonly forecastCategory: ForecastCategory;
  readonly pipelineId: string;
  readonly stageId: string;
  /** The sales team it was opened in (docs/adr/0024), never changed afterwards; null: none. */
  readonly team: string | null;
  /** The open stage a closed deal was closed from, where reopening returns it. */
  readonly stageBeforeClose: string | null;
  readonly triangleFormed: boolean;
  readonly triangle: Triangle;
  /** Exactly one person leads the deal at any time: the AR at first, then whoever accepted a handoff. */
  readonly leader: string;
  readonly handoffs: readonly Handoff[];
  /** By version, oldest first: `quotes[n - 1]` is version n. */
  readonly quotes: readonly Quote[];
  readonly bid: Bid | null;
  readonly wonQuoteVersion: number | null;
}

export type OpportunityState = NoOpportunity | Opportunity;

export const initialOpportunityState = (): OpportunityState => ({ status: 'none' });

/** The people in the triangle's three roles (not the sponsor): those who may lead the deal. */
export const triangleMembers = (triangle: Triangle): string[] =>
  [triangle.ar, triangle.sr, triangle.fr].filter((person): person is string => person !== null);

export const pendingHandoff = (opportunity: Opportunity): Handoff | undefined =>
  opportunity.handoffs.find((handoff) => handoff.status === 'pending');

export const quoteOf = (opportunity: Opportunity, version: number): Quote | undefined =>
  opportunity.quotes[version - 1];
