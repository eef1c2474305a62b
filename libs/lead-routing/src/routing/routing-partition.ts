import type { RecordedEvent } from '#ltc/event-store';
import { type LeadEventType, PUSH_METHODS } from '#ltc/leads/domain';
import { isRepChange } from './rep-change.js';

/** Events that free a rep's slot in the ledger (see `applyToLedger`). */
const RELEASES: ReadonlySet<string> = new Set<LeadEventType>([
  'LeadPooled',
  'LeadRecycled',
  'LeadDisqualified',
  'LeadArchived',
  'LeadConverted',
]);

/**
 * Leads are routed side by side, each lead's events in order (decisions themselves are
 * made one at a time, see `routeLead`). An event that changes a rep's load without a
 * routing decision having counted it already — a release, a claim, an accepted offer, a
 * manual assignment, a rep's capacity, availability or profile changing (which also re-routes
 * the leads waiting for room), a deactivated rep — is applied alone, after everything before it and
 * before everything after it, so every decision sees the ledger at least as of the log.
 */
export function routingPartition(event: RecordedEvent): string | undefined {
  if (event.type === 'RepDeactivated' || isRepChange(event.type) || RELEASES.has(event.type)) return undefined;
  if (event.type === 'LeadAssigned') {
    const method = (event.data as { readonly method?: unknown }).method;
    if (!(PUSH_METHODS as readonly unknown[]).includes(method)) return undefined;
  }
  return event.stream;
}
