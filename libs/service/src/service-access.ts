/**
 * Who may see which ticket: the one rule behind every ticket read and every command a person
 * sends on one. A ticket the caller may not see answers 404, like an unknown one.
 *
 * - admins, service managers, sales managers and auditors see every ticket of their tenant
 *   (auditors and sales managers only read: the routes' roles say who may write);
 * - a service agent sees the tickets of their groups and those they own (the ticket, or a task of it);
 * - AR, SR and FR see the tickets of customers whose deal they are in (read only).
 */
export type TicketScope =
  | { readonly kind: 'tenant' }
  | { readonly kind: 'person'; readonly personId: string; readonly groups: readonly string[] };

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'service_manager', 'sales_manager', 'auditor']);

/** `groups`: the service groups the caller is a member (or the lead) of. */
export function ticketScopeOf(
  caller: { readonly userId: string; readonly roles: readonly string[] },
  groups: readonly string[] = [],
): TicketScope {
  return caller.roles.some((role) => TENANT_WIDE_ROLES.has(role))
    ? { kind: 'tenant' }
    : { kind: 'person', personId: caller.userId, groups };
}

/** What of a ticket decides who sees it. */
export interface TicketAudience {
  /** The ticket's group and engineer, and those of its tasks. */
  readonly groups: readonly string[];
  readonly engineers: readonly string[];
  /** The people of the customer's deal. */
  readonly dealTeam: readonly string[];
}

export function canSeeTicket(scope: TicketScope, audience: TicketAudience): boolean {
  if (scope.kind === 'tenant') return true;
  const { personId, groups } = scope;
  return (
    audience.engineers.includes(personId) ||
    audience.dealTeam.includes(personId) ||
    audience.groups.some((group) => groups.includes(group))
  );
}
