import type { RecordedEvent } from '#ltc/event-store';
import type { RepEvent } from '#ltc/organisation/events';
import type { DirectoryRep, RepDirectory } from '../distribution/rep-directory.port.js';
import { isRepEvent, parseOrganisationEvent } from '#ltc/leads';

/** The organisation's rep events after which a lead that waits for routing may find a rep. */
export const REP_CHANGES = [
  'RepRegistered',
  'RepReactivated',
  'RepCapacityChanged',
  'RepAvailabilityChanged',
  'RepProfileChanged',
] as const satisfies readonly RepEvent['type'][];

export const isRepChange = (type: string): boolean => (REP_CHANGES as readonly string[]).includes(type);

/** A stored event as one of the organisation's rep events (its published contract); undefined otherwise. */
export function asRepEvent(recorded: RecordedEvent): RepEvent | undefined {
  const event = parseOrganisationEvent(recorded);
  return event && isRepEvent(event) ? event : undefined;
}

/**
 * The rep as of the event: the directory (the leads' projection of the organisation's
 * events, which may not have caught up with this event yet) with the event's own facts
 * laid over it. Routing must not miss a raised capacity because the projection lags
 * behind the event that raised it.
 */
export function repAsOf(event: RepEvent, known: DirectoryRep | null): DirectoryRep | null {
  const { repId } = event.data;
  if (event.type === 'RepRegistered') {
    const { roles, teamId, territories, capacity } = event.data;
    return { repId, active: true, availability: { status: 'active' }, roles, teamId, territories, capacity };
  }
  if (!known) return null;
  switch (event.type) {
    case 'RepReactivated':
      return { ...known, active: true };
    case 'RepCapacityChanged':
      return { ...known, capacity: event.data.capacity };
    case 'RepAvailabilityChanged':
      return { ...known, availability: event.data.availability };
    case 'RepProfileChanged': {
      const { roles, teamId, territories } = event.data;
      return { ...known, roles, teamId, territories };
    }
    default:
      return known;
  }
}

/** The directory with one rep replaced by what an event says of them. */
export function withRep(directory: RepDirectory, rep: DirectoryRep): RepDirectory {
  const others = (reps: DirectoryRep[]) => reps.filter((r) => r.repId !== rep.repId);
  return {
    async listCandidates(tenantId, teamId) {
      const listed = others(await directory.listCandidates(tenantId, teamId));
      const belongs = teamId === null || rep.teamId === teamId;
      return (belongs ? [...listed, rep] : listed).sort((a, b) => (a.repId < b.repId ? -1 : 1));
    },
    findRep: async (tenantId, repId) => (repId === rep.repId ? rep : directory.findRep(tenantId, repId)),
    managerOf: (tenantId, repId) => directory.managerOf(tenantId, repId),
    managerOfTeam: (tenantId, teamId) => directory.managerOfTeam(tenantId, teamId),
  };
}
