import type { LeadEvent, LeadEventType } from './lead.events.js';

const LEAD_EVENT_TYPES = new Set<string>([
  'LeadCaptured',
  'LeadTouchRecorded',
  'LeadInteractionRecorded',
  'LeadTagged',
  'LeadUntagged',
  'LeadScored',
  'LeadAssigned',
  'LeadPooled',
  'LeadOffered',
  'LeadOfferDeclined',
  'LeadOfferExpired',
  'LeadContactAttempted',
  'LeadResponseWarning',
  'LeadResponseSlaBreached',
  'LeadQualified',
  'LeadDisqualified',
  'LeadNurtured',
  'LeadReactivated',
  'LeadRecycleWarning',
  'LeadRecycled',
  'LeadArchived',
  'LeadConverted',
] satisfies LeadEventType[]);

/** Every lead event type, for subscription filters. */
export const ALL_LEAD_EVENT_TYPES: readonly LeadEventType[] = [...LEAD_EVENT_TYPES] as LeadEventType[];

/** Narrows a stored `{ type, data }` to a lead event, so a `switch` on `type` discriminates `data`. */
export function asLeadEvent(event: { readonly type: string; readonly data: unknown }): LeadEvent | undefined {
  return LEAD_EVENT_TYPES.has(event.type) ? ({ type: event.type, data: event.data } as LeadEvent) : undefined;
}
