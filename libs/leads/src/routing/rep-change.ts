import type { RecordedEvent } from '#ltc/event-store';
import type { DirectoryRep, RepDirectory } from '../distribution/rep-directory.port.js';

/** The organisation's rep events after which a lead that waits for routing may find a rep. */
export const REP_CHANGES = [
  'RepRegistered',
  'RepReactivated',
  'RepCapacityChanged',
  'RepAvailabilityChanged',
  'RepProfileChanged',
] as const;

/** The rep an organisation event is about, read structurally (leads does not import organisation). */
export function repIdOf(recorded: RecordedEvent): string | undefined {
  const repId = (recorded.data as { readonly repId?: unknown }).repId;
  return typeof repId === 'string' ? repId : undefined;
}

export const isRepChange = (type: string): boolean => (REP_CHANGES as readonly string[]).includes(type);

/**
 * The rep as of the event: the directory (the organisation's read model, which may not have
 * caught up with this event yet) with the event's own facts laid over it. Routing must not
 * miss a raised capacity because the read model lags behind the event that raised it. Read
 * structurally: the leads context does not import the organisation library.
 */
export function repAsOf(recorded: RecordedEvent, known: DirectoryRep | null): DirectoryRep | null {
  const data = recorded.data as Record<string, unknown>;
  if (typeof data['repId'] !== 'string') return null;
  const repId = data['repId'];
  if (recorded.type === 'RepRegistered') {
    const registered = data as unknown as Pick<DirectoryRep, 'roles' | 'teamId' | 'territories' | 'capacity'>;
    const { roles, teamId, territories, capacity } = registered;
    return { repId, active: true, availability: { status: 'active' }, roles, teamId, territories, capacity };
  }
  if (!known) return null;
  switch (recorded.type) {
    case 'RepReactivated':
      return { ...known, active: true };
    case 'RepCapacityChanged':
      return { ...known, capacity: data['capacity'] as DirectoryRep['capacity'] };
    case 'RepAvailabilityChanged':
      return { ...known, availability: data['availability'] as DirectoryRep['availability'] };
    case 'RepProfileChanged': {
      const profile = data as unknown as Pick<DirectoryRep, 'roles' | 'teamId' | 'territories'>;
      return { ...known, roles: profile.roles, teamId: profile.teamId, territories: profile.territories };
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
