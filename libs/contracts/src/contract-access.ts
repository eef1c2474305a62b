import { canSeeDealOf, type DealScope } from '#ltc/platform';

/**
 * Who may see which contract: the one rule behind every contract read and every command a
 * person sends on one, the deal's rule (`DealScope`) applied to the contract. A contract the
 * caller may not see answers 404, like an unknown one.
 *
 * - admins and auditors see every contract of their tenant (auditors only read);
 * - a sales manager the contracts of their teams' deals (the team the deal was opened in), and
 *   those a member sees; one in no team sees every contract;
 * - everyone else sees the contracts whose triangle (as the contract holds it) they sit in.
 */
export type ContractScope = DealScope;

export interface ContractMembers {
  readonly ar: string | null;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
}

/** `team`: the team the contract's deal was opened in (null: none, or not known to the caller's scope). */
export function canSeeContract(scope: ContractScope, members: ContractMembers, team: string | null): boolean {
  return canSeeDealOf(scope, { team, people: [members.ar, members.sr, members.fr, members.sponsor] });
}
