import type { Money } from '#ltc/kernel';
import type { OpeningDetails } from './opportunity.events.js';
import type { PipelineConfig } from './pipeline.types.js';
import type { QuoteLineInput } from './quote.pricing.js';
import type { Actor, CustomerAnswer, HandoffPhase, TriangleRole } from './opportunity-vocabulary.js';

/**
 * Every command names its deal and who gives it; `now` is the clock's time. Commands whose
 * decision reads the pipeline carry the pipeline's current configuration (the shell reads it
 * from the pipeline's stream), so decide stays pure.
 */
interface OpportunityCommandBase {
  readonly opportunityId: string;
  readonly actor: Actor;
  readonly now: Date;
}

export interface OpenOpportunity extends OpportunityCommandBase, OpeningDetails {
  readonly type: 'OpenOpportunity';
  readonly pipeline: PipelineConfig;
}

/** Changes the fields given (null clears amount or close date); the rest stay. */
export interface EditOpportunity extends OpportunityCommandBase {
  readonly type: 'EditOpportunity';
  readonly changes: {
    readonly name?: string;
    readonly amount?: Money | null;
    readonly closeDate?: string | null;
    readonly probabilityBp?: number;
  };
  readonly reason: string | null;
}

export interface MoveOpportunityStage extends OpportunityCommandBase {
  readonly type: 'MoveOpportunityStage';
  readonly stageId: string;
  readonly reason: string | null;
  readonly pipeline: PipelineConfig;
}

export interface WinOpportunity extends OpportunityCommandBase {
  readonly type: 'WinOpportunity';
  readonly quoteVersion: number;
  readonly reason: string | null;
  readonly pipeline: PipelineConfig;
}

export interface LoseOpportunity extends OpportunityCommandBase {
  readonly type: 'LoseOpportunity';
  readonly reasonCode: string;
  readonly competitor: string | null;
  readonly note: string | null;
  readonly pipeline: PipelineConfig;
}

export interface ReopenOpportunity extends OpportunityCommandBase {
  readonly type: 'ReopenOpportunity';
  readonly reason: string;
  readonly pipeline: PipelineConfig;
}

/**
 * Sets the triangle (PUT /opportunities/{id}/triangle). `people` are the organisation's
 * records of everyone named, with the roles they hold; someone missing from it does not exist.
 */
export interface SetTriangle extends OpportunityCommandBase {
  readonly type: 'SetTriangle';
  readonly ar: string;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
  readonly people: Readonly<Record<string, readonly TriangleRole[]>>;
  readonly reason: string | null;
}

export interface RequestHandoff extends OpportunityCommandBase {
  readonly type: 'RequestHandoff';
  readonly handoffId: string;
  readonly to: string;
  readonly phase: HandoffPhase;
  readonly notes: string | null;
  readonly openItems: readonly string[];
  readonly pipeline: PipelineConfig;
}

export interface AcceptHandoff extends OpportunityCommandBase {
  readonly type: 'AcceptHandoff';
  readonly handoffId: string;
}

export interface DeclineHandoff extends OpportunityCommandBase {
  readonly type: 'DeclineHandoff';
  readonly handoffId: string;
  readonly reason: string;
}

/**
 * A handoff timer fired: step 1 at the due time (the sponsor is told), step 2 at the
 * escalation time (the sales manager). Stale, and so nothing, once the handoff is answered.
 */
export interface FlagHandoffOverdue extends OpportunityCommandBase {
  readonly type: 'FlagHandoffOverdue';
  readonly handoffId: string;
  readonly step: 1 | 2;
  /** The AR's sales manager, from the organisation's records (null: none known). */
  readonly salesManager: string | null;
}

export interface CreateQuoteVersion extends OpportunityCommandBase {
  readonly type: 'CreateQuoteVersion';
  readonly lines: readonly QuoteLineInput[];
  /** Last day the quote holds, `YYYY-MM-DD`. */
  readonly validUntil: string;
  readonly pipeline: PipelineConfig;
}

export interface RequestQuoteApproval extends OpportunityCommandBase {
  readonly type: 'RequestQuoteApproval';
  readonly version: number;
}

export interface ApproveQuote extends OpportunityCommandBase {
  readonly type: 'ApproveQuote';
  readonly version: number;
  readonly note: string | null;
}

export interface RejectQuote extends OpportunityCommandBase {
  readonly type: 'RejectQuote';
  readonly version: number;
  readonly reason: string;
}

export interface SendQuote extends OpportunityCommandBase {
  readonly type: 'SendQuote';
  readonly version: number;
}

export interface SubmitBid extends OpportunityCommandBase {
  readonly type: 'SubmitBid';
  readonly quoteVersion: number;
}

export interface RecordCustomerAnswer extends OpportunityCommandBase {
  readonly type: 'RecordCustomerAnswer';
  readonly answer: CustomerAnswer;
  readonly note: string | null;
}

export type OpportunityCommand =
  | OpenOpportunity
  | EditOpportunity
  | MoveOpportunityStage
  | WinOpportunity
  | LoseOpportunity
  | ReopenOpportunity
  | SetTriangle
  | RequestHandoff
  | AcceptHandoff
  | DeclineHandoff
  | FlagHandoffOverdue
  | CreateQuoteVersion
  | RequestQuoteApproval
  | ApproveQuote
  | RejectQuote
  | SendQuote
  | SubmitBid
  | RecordCustomerAnswer;

export type OpportunityCommandType = OpportunityCommand['type'];
