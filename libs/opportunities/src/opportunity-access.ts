/**
 * Who may see which deal: the one rule behind every opportunity read and every command a
 * person sends on a deal. A deal the caller may not see answers 404, exactly like an unknown
 * one, so its existence does not leak.
 *
 * - admins, sales managers and auditors see every deal of their tenant (auditors only read:
 *   no command route grants them a role);
 * - everyone else sees the deals whose triangle they sit in (AR, SR, FR or sponsor), and the
 *   deal a handoff waits on them for.
 */
export type OpportunityScope = { readonly kind: 'tenant' } | { readonly kind: 'member'; readonly personId: string };

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'sales_manager', 'auditor']);

export function opportunityScopeOf(caller: {
  readonly userId: string;
  readonly roles: readonly string[];
}): OpportunityScope {
  return caller.roles.some((role) => TENANT_WIDE_ROLES.has(role))
    ? { kind: 'tenant' }
    : { kind: 'member', personId: caller.userId };
}

/** The people of a deal visibility depends on: its seats and whoever a pending handoff waits on. */
export interface DealMembers {
  readonly ar: string | null;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
  readonly pendingHandoffTo?: string | null;
}

export function canSeeDeal(scope: OpportunityScope, members: DealMembers): boolean {
  if (scope.kind === 'tenant') return true;
  const id = scope.personId;
  return (
    members.ar === id ||
    members.sr === id ||
    members.fr === id ||
    members.sponsor === id ||
    members.pendingHandoffTo === id
  );
}

/** Sales managers and admins approve discounts, reopen closed deals and read anyone's inbox. */
export const isSalesManager = (roles: readonly string[]): boolean =>
  roles.includes('sales_manager') || roles.includes('admin');
