import type { DomainEvent, Money } from '#ltc/kernel';
import type { ForecastCategory } from './pipeline.types.js';
import type { HandoffPhase, OpportunityOrigin, TriangleSeat } from './opportunity-vocabulary.js';
import type {
  BidSubmitted,
  CustomerAnswerRecorded,
  QuoteApprovalRequested,
  QuoteApproved,
  QuoteRejected,
  QuoteSent,
  QuoteVersionCreated,
} from './quote.events.js';

/** Who changed something and, where they said, why: on every change of a deal. */
interface Attributed {
  readonly opportunityId: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: string;
}

/** What travels from the lead when a conversion opens the deal, so analytics by source keep working. */
export interface LeadOrigin {
  readonly leadId: string;
  readonly source: string | null;
  readonly contactPerson: string | null;
  readonly tags: readonly string[];
  readonly score: number | null;
  /** When the lead was captured: pipeline length runs from here. Absent on deals opened before it travelled; null when unknown. */
  readonly capturedAt?: string | null;
}

/** What a deal opens with, as the command gives it and the event records it. */
export interface OpeningDetails {
  readonly origin: OpportunityOrigin;
  /** The lead it came from (a conversion always names one; a direct opening may). */
  readonly lead: LeadOrigin | null;
  readonly name: string;
  readonly account: string | null;
  readonly amount: Money | null;
  /** Expected close date, `YYYY-MM-DD`. */
  readonly closeDate: string | null;
  readonly productsOfInterest: readonly string[];
  /** The AR, who owns the deal and leads it first. */
  readonly owner: string;
  /** The sales team it is worked in (from the lead on conversion), for the board's filters; null: none. */
  readonly team: string | null;
  /** The region it is sold in (from the lead on conversion), for the board's filters; null: none. */
  readonly region: string | null;
}

/**
 * A deal opened, in the first open stage of its pipeline, owned and led by its AR. Its id
 * is the deal id the lead conversion named, so lead, deal and contract share one id.
 */
export type OpportunityOpened = DomainEvent<
  'OpportunityOpened',
  OpeningDetails & {
    readonly opportunityId: string;
    readonly pipelineId: string;
    readonly pipelineVersion: number;
    readonly stageId: string;
    readonly probabilityBp: number;
    readonly forecastCategory: ForecastCategory;
    readonly actor: string;
    readonly at: string;
  }
>;

export type OpportunityRenamed = DomainEvent<
  'OpportunityRenamed',
  Attributed & { readonly name: string; readonly previousName: string }
>;

export type OpportunityAmountChanged = DomainEvent<
  'OpportunityAmountChanged',
  Attributed & { readonly amount: Money | null; readonly previousAmount: Money | null }
>;

/** The expected close date moved (pushed or pulled); both dates are kept for the forecast's history. */
export type OpportunityCloseDateChanged = DomainEvent<
  'OpportunityCloseDateChanged',
  Attributed & { readonly closeDate: string | null; readonly previousCloseDate: string | null }
>;

export type OpportunityProbabilityChanged = DomainEvent<
  'OpportunityProbabilityChanged',
  Attributed & { readonly probabilityBp: number; readonly previousProbabilityBp: number }
>;

/** The deal entered another open stage, every gate of it met; probability and category are the stage's defaults. */
export type OpportunityStageChanged = DomainEvent<
  'OpportunityStageChanged',
  Attributed & {
    readonly stageId: string;
    readonly previousStageId: string;
    readonly pipelineVersion: number;
    readonly probabilityBp: number;
    readonly forecastCategory: ForecastCategory;
  }
>;

/** The customer signed for quote version `quoteVersion`; the deal's amount becomes that quote's total. */
export type OpportunityWon = DomainEvent<
  'OpportunityWon',
  Attributed & {
    readonly quoteVersion: number;
    readonly amount: Money;
    readonly stageId: string;
    readonly previousStageId: string;
    readonly pipelineVersion: number;
  }
>;

export type OpportunityLost = DomainEvent<
  'OpportunityLost',
  Attributed & {
    /** One of the pipeline's loss reasons. */
    readonly reasonCode: string;
    readonly competitor: string | null;
    readonly note: string | null;
    readonly stageId: string;
    readonly previousStageId: string;
    readonly pipelineVersion: number;
  }
>;

/** A sales manager reopened a closed deal; it returns to the stage it was closed from. */
export type OpportunityReopened = DomainEvent<
  'OpportunityReopened',
  Attributed & {
    readonly reason: string;
    readonly stageId: string;
    readonly probabilityBp: number;
    readonly forecastCategory: ForecastCategory;
  }
>;

/** The triangle was formed: who holds each seat, each checked to exist and to hold that role. */
export type TriangleFormed = DomainEvent<
  'TriangleFormed',
  Attributed & {
    readonly ar: string;
    readonly sr: string | null;
    readonly fr: string | null;
    readonly sponsor: string | null;
  }
>;

/** One seat of a formed triangle changed hands (a changed AR is a change of the deal's owner). */
export type TriangleMemberChanged = DomainEvent<
  'TriangleMemberChanged',
  Attributed & {
    readonly seat: TriangleSeat;
    readonly personId: string | null;
    readonly previousPersonId: string | null;
  }
>;

/**
 * The one who leads asked `to` to take the lead for `phase`. It must be accepted by `dueAt`
 * (the pipeline's acceptance target), else it is overdue, and escalated at `escalateAt`.
 */
export type HandoffRequested = DomainEvent<
  'HandoffRequested',
  {
    readonly opportunityId: string;
    readonly handoffId: string;
    readonly from: string;
    readonly to: string;
    readonly phase: HandoffPhase;
    readonly notes: string | null;
    readonly openItems: readonly string[];
    readonly dueAt: string;
    readonly escalateAt: string;
    readonly at: string;
  }
>;

/** The receiver accepted: from now on they lead the deal. */
export type HandoffAccepted = DomainEvent<
  'HandoffAccepted',
  {
    readonly opportunityId: string;
    readonly handoffId: string;
    readonly from: string;
    readonly to: string;
    readonly phase: HandoffPhase;
    readonly secondsToAccept: number;
    readonly at: string;
  }
>;

/** The receiver declined, saying why; the requester keeps the lead and re-plans. */
export type HandoffDeclined = DomainEvent<
  'HandoffDeclined',
  {
    readonly opportunityId: string;
    readonly handoffId: string;
    readonly from: string;
    readonly to: string;
    readonly reason: string;
    readonly at: string;
  }
>;

/** Nobody answered the handoff by its due time; the sponsor is told (their inbox shows it). */
export type HandoffOverdue = DomainEvent<
  'HandoffOverdue',
  {
    readonly opportunityId: string;
    readonly handoffId: string;
    readonly to: string;
    readonly sponsor: string | null;
    readonly dueAt: string;
    readonly at: string;
  }
>;

/** Still unanswered at the escalation time: the sales manager is asked to step in. */
export type HandoffEscalated = DomainEvent<
  'HandoffEscalated',
  {
    readonly opportunityId: string;
    readonly handoffId: string;
    readonly to: string;
    readonly escalatedTo: string | null;
    readonly escalateAt: string;
    readonly at: string;
  }
>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityRenamed
  | OpportunityAmountChanged
  | OpportunityCloseDateChanged
  | OpportunityProbabilityChanged
  | OpportunityStageChanged
  | OpportunityWon
  | OpportunityLost
  | OpportunityReopened
  | TriangleFormed
  | TriangleMemberChanged
  | HandoffRequested
  | HandoffAccepted
  | HandoffDeclined
  | HandoffOverdue
  | HandoffEscalated
  | QuoteVersionCreated
  | QuoteApprovalRequested
  | QuoteApproved
  | QuoteRejected
  | QuoteSent
  | BidSubmitted
  | CustomerAnswerRecorded;

export type OpportunityEventType = OpportunityEvent['type'];
