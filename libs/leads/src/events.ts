/**
 * The leads context's published event contract: the lead events other contexts may react
 * to (opportunities start from a conversion; analytics follows a lead's way through the
 * funnel), as types only. A consumer imports this entry (`#ltc/leads/events`) with
 * `import type` and keeps its own projection; it never reads the leads' tables. Changing a
 * type here is changing a promise to every consumer: add fields, never remove or repurpose one.
 *
 * `LeadCaptured` is published only in part (`PublishedLeadCaptured`): captures stored before
 * amounts carried a currency hold the deal size as a plain number, which only the leads' own
 * parser reads as today's shape; the rest is published together with that parser when a
 * consumer needs it. Its lineage is published: the service ticket a lead was raised from.
 */
export type {
  LeadArchived,
  LeadAssigned,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  LeadTeamSet,
  ConvertedLeadFacts,
} from './domain/lead.events.js';
export type { LeadSource } from './domain/lead-sources.js';
export type { AssignmentMethod, DisqualificationReason } from './domain/lead-vocabulary.js';
export type {
  CaptureLeadFromTicketPayload,
  CaptureLeadFromTicketResult,
  CaptureLeadFromTicketType,
} from './domain/lead-from-ticket.js';

import type { DomainEvent } from '#ltc/kernel';
import type {
  LeadCaptured,
  LeadTouchRecorded,
  LeadArchived,
  LeadAssigned,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  LeadTeamSet,
} from './domain/lead.events.js';

/**
 * The stable part of LeadCaptured: which lead, from which source, when, and the service ticket
 * it was raised from (`raisedFromTicket`, absent when no ticket raised it, as on every older capture).
 */
export type PublishedLeadCaptured = DomainEvent<
  'LeadCaptured',
  Pick<LeadCaptured['data'], 'leadId' | 'source' | 'capturedAt' | 'raisedFromTicket'>
>;

/**
 * A duplicate capture kept as a touch on the existing lead; `raisedFromTicket` names the ticket
 * when a service engineer's lead found its customer already a lead (absent otherwise).
 */
export type PublishedLeadTouchRecorded = DomainEvent<
  'LeadTouchRecorded',
  Pick<LeadTouchRecorded['data'], 'leadId' | 'source' | 'at' | 'raisedFromTicket'>
>;

/** Every published lead event; a consumer's `switch` over `type` narrows `data`. */
export type PublishedLeadEvent =
  | PublishedLeadCaptured
  | PublishedLeadTouchRecorded
  | LeadAssigned
  | LeadTeamSet
  | LeadQualified
  | LeadDisqualified
  | LeadConverted
  | LeadArchived;

/** The stream category of every lead event, `lead-<leadId>`; the tenant is in the event's metadata. */
export type LeadStreamPrefix = 'lead-';
