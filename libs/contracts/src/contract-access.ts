/**
 * Who may see which contract: the one rule behind every contract read and every command a
 * person sends on one. A contract the caller may not see answers 404, like an unknown one.
 *
 * - admins, sales managers and auditors see every contract of their tenant (auditors only read);
 * - everyone else sees the contracts whose triangle (as the contract holds it) they sit in.
 */
export type ContractScope = { readonly kind: 'tenant' } | { readonly kind: 'member'; readonly personId: string };

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'sales_manager', 'auditor']);

export function contractScopeOf(caller: { readonly userId: string; readonly roles: readonly string[] }): ContractScope {
  return caller.roles.some((role) => TENANT_WIDE_ROLES.has(role))
    ? { kind: 'tenant' }
    : { kind: 'member', personId: caller.userId };
}

export interface ContractMembers {
  readonly ar: string | null;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
}

export function canSeeContract(scope: ContractScope, members: ContractMembers): boolean {
  if (scope.kind === 'tenant') return true;
  const id = scope.personId;
  return members.ar === id || members.sr === id || members.fr === id || members.sponsor === id;
}

/** Sales managers and admins approve amendments. */
export const isSalesManager = (roles: readonly string[]): boolean =>
  roles.includes('sales_manager') || roles.includes('admin');
