import { streamName } from '#ltc/event-store';

/**
 * Rep and team ids are chosen outside the engine (a token's `sub`, a slug such as
 * `emea-north`), so two tenants can pick the same one. The stream id therefore carries
 * the tenant: `rep-<tenantId>:<repId>`, `team-<tenantId>:<teamId>`. Without it the second
 * tenant to create team `sales` would be refused, and would learn that the id is taken.
 */
export const repStream = (tenantId: string, repId: string): string => streamName('rep', `${tenantId}:${repId}`);

export const teamStream = (tenantId: string, teamId: string): string => streamName('team', `${tenantId}:${teamId}`);
