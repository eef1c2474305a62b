/**
 * The leads context's published event contract: the lead events other contexts may react
 * to (opportunities start from a conversion; analytics follows a lead's way through the
 * funnel), as types only. A consumer imports this entry (`#ltc/leads/events`) with
 * `import type` and keeps its own projection; it never reads the leads' tables. Changing a
 * type here is changing a promise to every consumer: add fields, never remove or repurpose one.
 *
 * `LeadCaptured` is not published yet: captures stored before amounts carried a currency
 * hold the deal size as a plain number, which only the leads' own parser reads as today's
 * shape. It is published together with that parser when a consumer needs it.
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

import type {
  LeadArchived,
  LeadAssigned,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  LeadTeamSet,
} from './domain/lead.events.js';

/** Every published lead event; a consumer's `switch` over `type` narrows `data`. */
export type PublishedLeadEvent =
  LeadAssigned | LeadTeamSet | LeadQualified | LeadDisqualified | LeadConverted | LeadArchived;

/** The stream category of every lead event, `lead-<leadId>`; the tenant is in the event's metadata. */
export type LeadStreamPrefix = 'lead-';
