import type { RecordedEvent } from '#ltc/event-store';
import { parseOrganisationEvent } from '#ltc/leads';
import type { DirectoryRep } from '../distribution/rep-directory.port.js';

/**
 * The sales organisation as routing saw it at each point of a replay: every rep's team,
 * roles, territories, capacity, availability and whether active, folded from the
 * organisation's events as the leads context's directory folds them.
 */
export class ReplayedReps {
  private readonly reps = new Map<string, DirectoryRep>();

  /** True when the event changed who can take leads (a rep came, went, or got room). */
  apply(recorded: RecordedEvent): boolean {
    const event = parseOrganisationEvent(recorded);
    if (!event) return false;
    switch (event.type) {
      case 'RepRegistered': {
        const d = event.data;
        this.reps.set(d.repId, {
          repId: d.repId,
          active: true,
          roles: [...d.roles],
          availability: { status: 'active' },
          teamId: d.teamId,
          territories: d.territories,
          capacity: d.capacity,
        });
        return true;
      }
      case 'RepProfileChanged': {
        const d = event.data;
        return this.change(d.repId, { teamId: d.teamId, roles: [...d.roles], territories: d.territories });
      }
      case 'RepCapacityChanged':
        return this.change(event.data.repId, { capacity: event.data.capacity });
      case 'RepAvailabilityChanged': {
        const { repId, availability } = event.data;
        return this.change(repId, {
          availability:
            availability.status === 'away' ? { status: 'away', until: availability.until } : { status: 'active' },
        });
      }
      case 'RepDeactivated':
        return this.change(event.data.repId, { active: false });
      case 'RepReactivated':
        return this.change(event.data.repId, { active: true });
      default:
        return false;
    }
  }

  /** The reps a team's leads are routed among (`null`: the tenant-wide policy, every rep), by rep id. */
  candidatesOf(team: string | null): DirectoryRep[] {
    return [...this.reps.values()]
      .filter((rep) => team === null || rep.teamId === team)
      .sort((a, b) => (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
  }

  private change(repId: string, values: Partial<DirectoryRep>): boolean {
    const rep = this.reps.get(repId);
    if (!rep) return false; // a rep never registered here stays unknown, as in the directory
    this.reps.set(repId, { ...rep, ...values });
    return true;
  }
}
