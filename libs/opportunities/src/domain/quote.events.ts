import type { DomainEvent } from '#ltc/kernel';
import type { QuoteLine } from './quote.pricing.js';

/** A quote version's priced content, as created; nothing after its creation changes it. */
export interface QuoteContent {
  readonly version: number;
  readonly currency: string;
  readonly lines: readonly QuoteLine[];
  readonly subtotalMinor: number;
  readonly discountMinor: number;
  readonly totalMinor: number;
  /** Last day the quote holds, `YYYY-MM-DD`. */
  readonly validUntil: string;
  readonly needsApproval: boolean;
}
import type { CustomerAnswer } from './opportunity-vocabulary.js';

/**
 * A new quote version, priced: lines, subtotal, discount and total in one currency. Whether
 * its discount needs a sales manager's approval is decided here, against the pipeline's
 * threshold of the moment, and never changes. Older versions stay as they were.
 */
export type QuoteVersionCreated = DomainEvent<
  'QuoteVersionCreated',
  QuoteContent & {
    readonly opportunityId: string;
    readonly approvalThresholdBp: number;
    readonly actor: string;
    readonly at: string;
  }
>;

export type QuoteApprovalRequested = DomainEvent<
  'QuoteApprovalRequested',
  { readonly opportunityId: string; readonly version: number; readonly actor: string; readonly at: string }
>;

/** A sales manager other than the requester approved the discount; the version may be sent. */
export type QuoteApproved = DomainEvent<
  'QuoteApproved',
  {
    readonly opportunityId: string;
    readonly version: number;
    readonly requestedBy: string;
    readonly actor: string;
    readonly note: string | null;
    readonly at: string;
  }
>;

/** The discount was refused; this version can never be sent (a new version can). */
export type QuoteRejected = DomainEvent<
  'QuoteRejected',
  {
    readonly opportunityId: string;
    readonly version: number;
    readonly requestedBy: string;
    readonly actor: string;
    readonly reason: string;
    readonly at: string;
  }
>;

export type QuoteSent = DomainEvent<
  'QuoteSent',
  { readonly opportunityId: string; readonly version: number; readonly actor: string; readonly at: string }
>;

/** A bid went in, naming the sent quote version it offers. */
export type BidSubmitted = DomainEvent<
  'BidSubmitted',
  { readonly opportunityId: string; readonly quoteVersion: number; readonly actor: string; readonly at: string }
>;

export type CustomerAnswerRecorded = DomainEvent<
  'CustomerAnswerRecorded',
  {
    readonly opportunityId: string;
    readonly quoteVersion: number;
    readonly answer: CustomerAnswer;
    readonly note: string | null;
    readonly actor: string;
    readonly at: string;
  }
>;
