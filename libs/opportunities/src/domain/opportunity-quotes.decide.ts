import { DomainError } from '#ltc/kernel';
import type {
  ApproveQuote,
  CreateQuoteVersion,
  RecordCustomerAnswer,
  RejectQuote,
  RequestQuoteApproval,
  SendQuote,
  SubmitBid,
} from './opportunity.commands.js';
import type { OpportunityEvent } from './opportunity.events.js';
import type { Opportunity, OpportunityState, Quote } from './opportunity.state.js';
import {
  calendarDate,
  existingQuote,
  iso,
  liveDeal,
  managesDeal,
  openDeal,
  optional,
  ownPipeline,
  required,
} from './opportunity-guards.js';
import { discountAboveThreshold, priceQuote } from './quote.pricing.js';

/** A new version, priced; whether it needs approval is fixed now, against the pipeline's threshold. */
export function decideCreateQuote(command: CreateQuoteVersion, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const pipeline = ownPipeline(deal, command.pipeline);
  const pricing = priceQuote(command.lines);
  const threshold = pipeline.discountApprovalThresholdBp;
  return [
    {
      type: 'QuoteVersionCreated',
      data: {
        opportunityId: deal.opportunityId,
        version: deal.quotes.length + 1,
        ...pricing,
        validUntil: calendarDate(command.validUntil, 'validUntil'),
        needsApproval: discountAboveThreshold(pricing, threshold),
        approvalThresholdBp: threshold,
        actor: command.actor.id,
        at: iso(command.now),
      },
    },
  ];
}

export function decideRequestApproval(command: RequestQuoteApproval, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const quote = existingQuote(deal, command.version);
  if (!quote.content.needsApproval) {
    throw new DomainError(
      'QUOTE_NEEDS_NO_APPROVAL',
      `Quote version ${command.version}'s discount is within the threshold`,
    );
  }
  if (quote.status === 'approval_requested') return [];
  inStatus(quote, 'draft', 'request approval for');
  const data = {
    opportunityId: deal.opportunityId,
    version: command.version,
    actor: command.actor.id,
    at: iso(command.now),
  };
  return [{ type: 'QuoteApprovalRequested', data }];
}

/** A sales manager who did not ask for it approves; approving again is a retry. */
export function decideApprove(command: ApproveQuote, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const quote = existingQuote(deal, command.version);
  if (quote.status === 'approved') return [];
  const requestedBy = approver(deal, quote, command.actor, command.version);
  return [
    {
      type: 'QuoteApproved',
      data: {
        opportunityId: deal.opportunityId,
        version: command.version,
        requestedBy,
        actor: command.actor.id,
        note: optional(command.note),
        at: iso(command.now),
      },
    },
  ];
}

export function decideReject(command: RejectQuote, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const quote = existingQuote(deal, command.version);
  if (quote.status === 'rejected') return [];
  const requestedBy = approver(deal, quote, command.actor, command.version);
  return [
    {
      type: 'QuoteRejected',
      data: {
        opportunityId: deal.opportunityId,
        version: command.version,
        requestedBy,
        actor: command.actor.id,
        reason: required(command.reason, 'reason'),
        at: iso(command.now),
      },
    },
  ];
}

/** Refuses an unapproved discount, a rejected version and one past its validity date. */
export function decideSend(command: SendQuote, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const quote = existingQuote(deal, command.version);
  if (quote.status === 'sent') return [];
  if (quote.status === 'rejected')
    throw new DomainError('QUOTE_REJECTED', `Quote version ${command.version} was rejected`);
  if (quote.content.needsApproval && quote.status !== 'approved') {
    throw new DomainError('QUOTE_NEEDS_APPROVAL', `Quote version ${command.version}'s discount needs approval first`);
  }
  if (iso(command.now).slice(0, 10) > quote.content.validUntil) {
    throw new DomainError('QUOTE_EXPIRED', `Quote version ${command.version} held until ${quote.content.validUntil}`);
  }
  const data = {
    opportunityId: deal.opportunityId,
    version: command.version,
    actor: command.actor.id,
    at: iso(command.now),
  };
  return [{ type: 'QuoteSent', data }];
}

export function decideSubmitBid(command: SubmitBid, state: OpportunityState): OpportunityEvent[] {
  const deal = openDeal(state, command.opportunityId);
  const quote = existingQuote(deal, command.quoteVersion);
  if (quote.status !== 'sent') {
    throw new DomainError(
      'BID_QUOTE_NOT_SENT',
      `A bid offers a sent quote; version ${command.quoteVersion} is ${quote.status}`,
    );
  }
  if (deal.bid?.quoteVersion === command.quoteVersion && deal.bid.answer === null) return [];
  const data = {
    opportunityId: deal.opportunityId,
    quoteVersion: command.quoteVersion,
    actor: command.actor.id,
    at: iso(command.now),
  };
  return [{ type: 'BidSubmitted', data }];
}

export function decideCustomerAnswer(command: RecordCustomerAnswer, state: OpportunityState): OpportunityEvent[] {
  const deal = liveDeal(state, command.opportunityId);
  if (deal.bid === null) throw new DomainError('NO_BID_SUBMITTED', 'No bid has been submitted to answer');
  return [
    {
      type: 'CustomerAnswerRecorded',
      data: {
        opportunityId: deal.opportunityId,
        quoteVersion: deal.bid.quoteVersion,
        answer: command.answer,
        note: optional(command.note),
        actor: command.actor.id,
        at: iso(command.now),
      },
    },
  ];
}

/** The checks shared by approving and rejecting: a pending request, the deal's sales manager, not the requester. */
function approver(deal: Opportunity, quote: Quote, actor: ApproveQuote['actor'], version: number): string {
  inStatus(quote, 'approval_requested', 'answer the approval of');
  if (!managesDeal(actor, deal))
    throw new DomainError('APPROVER_NOT_SALES_MANAGER', "Only the deal's sales manager approves a discount");
  const requestedBy = quote.approvalRequestedBy ?? '';
  if (actor.id === requestedBy) {
    throw new DomainError(
      'APPROVER_IS_REQUESTER',
      `${actor.id} asked for the approval of version ${version}; someone else approves`,
    );
  }
  return requestedBy;
}

function inStatus(quote: Quote, status: Quote['status'], what: string): void {
  if (quote.status !== status) {
    throw new DomainError(
      'QUOTE_STATUS_CONFLICT',
      `Cannot ${what} quote version ${quote.content.version}: it is ${quote.status}`,
      {
        status: quote.status,
      },
    );
  }
}
