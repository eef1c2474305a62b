import type { InMemoryEventStore } from '#ltc/event-store';
import { eventMetadata } from '../../test/event-metadata.js';
import type { OrganisationEvent, RepCapacity, RepRegistered, Territories } from '#ltc/organisation/events';

export const ANYWHERE: Territories = { regions: [], languages: [], industries: [], dealSizeBands: [] };

/** A rep's registration as the organisation publishes it; `rep` overrides the defaults. */
export function repRegistered(
  repId: string,
  rep: Partial<Omit<RepRegistered['data'], 'repId'>> & { readonly capacity?: RepCapacity } = {},
): RepRegistered {
  return {
    type: 'RepRegistered',
    data: {
      repId,
      name: repId,
      email: `${repId}@example.com`,
      roles: ['ar'],
      teamId: null,
      territories: ANYWHERE,
      capacity: { maxOpenLeads: 50, dailyQuota: 0 },
      registeredAt: '2026-03-02T08:00:00.000Z',
      ...rep,
    },
  };
}

export const repDeactivated = (repId: string): OrganisationEvent => ({
  type: 'RepDeactivated',
  data: { repId, reason: null, deactivatedAt: '2026-03-02T08:30:00.000Z' },
});

/** Writes the organisation's rep and team events into a store, on the streams it uses. */
export class OrgHistory {
  head = 0n;

  constructor(readonly store: InMemoryEventStore) {}

  async append(tenantId: string, ...events: OrganisationEvent[]): Promise<void> {
    for (const event of events) {
      const stream =
        'repId' in event.data ? `rep-${tenantId}:${event.data.repId}` : `team-${tenantId}:${event.data.teamId}`;
      const result = await this.store.appendToStream(stream, [
        { type: event.type, data: event.data, metadata: eventMetadata(tenantId) },
      ]);
      this.head = result.position;
    }
  }
}
