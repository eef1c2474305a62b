import { InvalidInputError } from '#ltc/kernel';
import { mayCall, type PermissionMatrix, type Role, type RouteKey } from '#ltc/platform';

/**
 * The kinds of record whose changes GET /live announces, each with the list route that decides
 * who hears of them: a caller who may list a kind hears that one of its records changed, and
 * what they may see of it is decided, as always, when the screen reads it again. Every other
 * stream (timers, configuration, key material, audit) never reaches the feed.
 */
export const LIVE_KINDS: readonly { readonly streamPrefix: string; readonly listRoute: RouteKey }[] = [
  { streamPrefix: 'lead-', listRoute: 'GET /leads' },
  { streamPrefix: 'opportunity-', listRoute: 'GET /opportunities' },
  { streamPrefix: 'contract-', listRoute: 'GET /contracts' },
  { streamPrefix: 'ticket-', listRoute: 'GET /tickets' },
];

/** The stream prefixes a caller with these roles hears of; a kind whose context is not composed has no route and is left out. */
export function liveStreamPrefixes(matrix: PermissionMatrix, roles: readonly Role[]): string[] {
  return LIVE_KINDS.filter((kind) => mayCall(matrix.routes.get(kind.listRoute), roles)).map(
    (kind) => kind.streamPrefix,
  );
}

/** `Last-Event-ID` is the global position of the last change a client saw; anything else is a 400. */
export function positionOfLastEventId(value: string | undefined): bigint | undefined {
  const given = value?.trim();
  if (given === undefined || given === '') return undefined;
  if (!/^\d{1,19}$/.test(given)) {
    throw new InvalidInputError('Last-Event-ID', 'position', 'Last-Event-ID must be the id of a change this feed sent');
  }
  return BigInt(given);
}
