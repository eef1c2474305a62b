import { eventParser } from '#ltc/kernel';
import type { OrganisationEvent, OrganisationStreamPrefix, RepEvent, TeamEvent } from '#ltc/organisation/events';

/** Where the organisation writes the events the leads context reads. */
export const ORGANISATION_STREAMS: readonly OrganisationStreamPrefix[] = ['rep-', 'team-'];

/** Records, so the compiler refuses an event type of the contract that is left out. */
const REP_EVENTS: Record<RepEvent['type'], true> = {
  RepRegistered: true,
  RepProfileChanged: true,
  RepCapacityChanged: true,
  RepAvailabilityChanged: true,
  RepDeactivated: true,
  RepReactivated: true,
};
const TEAM_EVENTS: Record<TeamEvent['type'], true> = { TeamCreated: true, TeamRenamed: true, TeamManagerChanged: true };

/**
 * The leads context's one reader of the organisation's published events (its contract
 * `#ltc/organisation/events`, types only); undefined for anything else.
 */
export const parseOrganisationEvent = eventParser<OrganisationEvent>({ ...REP_EVENTS, ...TEAM_EVENTS });

export const isRepEvent = (event: OrganisationEvent): event is RepEvent => event.type in REP_EVENTS;
