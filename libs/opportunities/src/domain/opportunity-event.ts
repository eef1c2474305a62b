import { eventParser, type EventParser } from '#ltc/kernel';
import type { OpportunityEvent, OpportunityEventType } from './opportunity.events.js';
import type { PipelineEvent, PipelineEventType } from './pipeline.events.js';

/** Every deal event type, as a record so the compiler refuses a new type that is left out. */
const OPPORTUNITY_EVENTS: Record<OpportunityEventType, true> = {
  OpportunityOpened: true,
  OpportunityRenamed: true,
  OpportunityAmountChanged: true,
  OpportunityCloseDateChanged: true,
  OpportunityProbabilityChanged: true,
  OpportunityStageChanged: true,
  OpportunityWon: true,
  OpportunityLost: true,
  OpportunityReopened: true,
  TriangleFormed: true,
  TriangleMemberChanged: true,
  HandoffRequested: true,
  HandoffAccepted: true,
  HandoffDeclined: true,
  HandoffOverdue: true,
  HandoffEscalated: true,
  QuoteVersionCreated: true,
  QuoteApprovalRequested: true,
  QuoteApproved: true,
  QuoteRejected: true,
  QuoteSent: true,
  BidSubmitted: true,
  CustomerAnswerRecorded: true,
};

const PIPELINE_EVENTS: Record<PipelineEventType, true> = { PipelineConfigured: true };

/** Every deal event type, for subscription filters. */
export const ALL_OPPORTUNITY_EVENT_TYPES = Object.keys(OPPORTUNITY_EVENTS) as OpportunityEventType[];

/** The one place stored events become deal events; undefined for any other type. */
export const parseOpportunityEvent: EventParser<OpportunityEvent> = eventParser<OpportunityEvent>(OPPORTUNITY_EVENTS);

/** The one place stored events become pipeline events. */
export const parsePipelineEvent: EventParser<PipelineEvent> = eventParser<PipelineEvent>(PIPELINE_EVENTS);
