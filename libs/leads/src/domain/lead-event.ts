import { eventParser, moneyProblem, type EventParser, type Money, type StoredEvent } from '#ltc/kernel';
import type { LeadEvent, LeadEventType } from './lead.events.js';

/**
 * The lead events readers see (read models, process managers, timelines), as a record so the
 * compiler refuses a new event type that is left out. `LeadCaptureVoided` alone is kept from
 * them: it only marks a stream on which a stalled capture can never create its lead.
 */
const READABLE_LEAD_EVENTS: Record<Exclude<LeadEventType, 'LeadCaptureVoided'>, true> = {
  LeadCaptured: true,
  LeadTeamSet: true,
  LeadTouchRecorded: true,
  LeadInteractionRecorded: true,
  LeadTagged: true,
  LeadUntagged: true,
  LeadScored: true,
  LeadAssigned: true,
  LeadPooled: true,
  LeadOffered: true,
  LeadOfferDeclined: true,
  LeadOfferExpired: true,
  LeadContactAttempted: true,
  LeadResponseWarning: true,
  LeadResponseSlaBreached: true,
  LeadResponseRetargeted: true,
  LeadQualified: true,
  LeadDisqualified: true,
  LeadNurtured: true,
  LeadReactivated: true,
  LeadRecycleWarning: true,
  LeadRecycled: true,
  LeadArchived: true,
  LeadConverted: true,
  LeadDetailsEdited: true,
  LeadContactChanged: true,
  LeadRoutingDeferred: true,
};

const LEAD_EVENT_TYPES = new Set<string>(Object.keys(READABLE_LEAD_EVENTS));

/** Every lead event type, for subscription filters. */
export const ALL_LEAD_EVENT_TYPES: readonly LeadEventType[] = [...LEAD_EVENT_TYPES] as LeadEventType[];

/**
 * The one place stored events become lead events: any lead event type (`LeadCaptureVoided`
 * included, which the lead's own fold needs), read in today's shape (`upcastLeadEvent`);
 * undefined for a type that is not a lead event.
 */
export const parseLeadEvent: EventParser<LeadEvent> = eventParser<LeadEvent>(
  { ...READABLE_LEAD_EVENTS, LeadCaptureVoided: true },
  (event) => upcastLeadEvent(event),
);

/**
 * A stored event as readers see it (read models, process managers), so a `switch` on `type`
 * discriminates `data`: undefined for what is not a lead event and for `LeadCaptureVoided`.
 */
export function asLeadEvent(event: StoredEvent): LeadEvent | undefined {
  return LEAD_EVENT_TYPES.has(event.type) ? parseLeadEvent(event) : undefined;
}

/** The currency deal sizes were in before amounts carried one (the engine's only tenant currency then). */
export const LEGACY_DEAL_SIZE_CURRENCY = 'EUR';

/**
 * The one place older lead events are read as today's. Deal sizes stored as a plain number
 * of major units (before amounts carried a currency) become Money in EUR. Read by shape, not
 * by `schemaVersion`: captures of both shapes were written as version 1. The next change of a
 * lead event's shape raises its version (`schemaVersions` of `commandHandlerFor`) and is upcast
 * by it. Every reader of stored lead events (the decider's evolve, projections, process
 * managers) goes through it.
 */
export function upcastLeadEvent(event: LeadEvent): LeadEvent {
  if (event.type !== 'LeadCaptured') return event;
  const raw: unknown = event.data.estimatedDealSize;
  if (raw === undefined || raw === null || moneyProblem(raw) === undefined) return event;
  return { ...event, data: { ...event.data, estimatedDealSize: legacyDealSize(raw) } };
}

function legacyDealSize(raw: unknown): Money | null {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  // Old sizes were numbers ≥ 0 with no rule on decimals: rounded to the cent rather than dropped.
  return { amountMinor: Math.round(raw * 100), currency: LEGACY_DEAL_SIZE_CURRENCY };
}
