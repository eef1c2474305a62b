import { eventParser } from '#ltc/kernel';
import type { OrganisationEvent, OrganisationStreamPrefix } from '#ltc/organisation/events';

/** Where the organisation writes the events the leads context reads. */
export const ORGANISATION_STREAMS: readonly OrganisationStreamPrefix[] = ['rep-', 'team-'];

/**
 * The leads context's one reader of the organisation's published events (its contract
 * `#ltc/organisation/events`, types only): a record, so the compiler refuses an event type
 * left out. Undefined for anything else.
 */
export const parseOrganisationEvent = eventParser<OrganisationEvent>({
  RepRegistered: true,
  RepProfileChanged: true,
  RepCapacityChanged: true,
  RepAvailabilityChanged: true,
  RepDeactivated: true,
  RepReactivated: true,
  TeamCreated: true,
  TeamRenamed: true,
  TeamManagerChanged: true,
});
