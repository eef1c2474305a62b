import type { EventStore } from '#ltc/event-store';
import { teamStream } from './org-streams.js';

/**
 * Whether the tenant has a team with this id, for rep commands that name one (the rep
 * decider refuses an unknown team with 409 TEAM_NOT_FOUND). Asked of the team's stream,
 * not of the `org_teams` read model: a team created a moment ago is already known, with
 * no projection lag. Teams are never deleted, so the answer cannot turn false between
 * this read and the rep's append.
 */
export async function teamExists(store: EventStore, tenantId: string, teamId: string): Promise<boolean> {
  const [first] = await store.readStream(teamStream(tenantId, teamId), { maxCount: 1 });
  return first !== undefined && first.metadata.tenantId === tenantId;
}
