import { DomainError, NotFoundError } from '#ltc/kernel';

/**
 * The iron-triangle roles that sell (docs/domain.md › The iron triangle): the account responsible and the
 * solution responsible.
 */
export const SALES_ROLES: readonly string[] = ['ar', 'sr'];

/** What the owner rule needs to know about a rep. */
export interface OwnerFacts {
  readonly repId: string;
  readonly active: boolean;
  readonly roles: readonly string[];
}

export const hasSalesRole = (rep: Pick<OwnerFacts, 'roles'>): boolean =>
  rep.roles.some((role) => SALES_ROLES.includes(role));

/**
 * Only an active rep with a sales role can own a lead. `claim`: the caller takes it, so
 * a caller the sales organisation does not know is no rep (409); `assign`: a manager
 * names the rep, so an unknown id is a 404. Throws the refusal; returns when allowed.
 */
export function assertMayOwnLead(repId: string, rep: OwnerFacts | null, how: 'claim' | 'assign'): void {
  if (rep === null) {
    if (how === 'assign') throw new NotFoundError('Rep', repId);
    throw new DomainError('OWNER_NOT_A_REP', `${repId} is not a registered sales rep, so cannot own a lead`);
  }
  if (!rep.active) {
    throw new DomainError('REP_INACTIVE', `Rep ${repId} is deactivated and cannot own leads`);
  }
  if (!hasSalesRole(rep)) {
    throw new DomainError(
      'OWNER_NOT_A_REP',
      `Rep ${repId} has no sales role (${SALES_ROLES.join(' or ')}), so cannot own a lead`,
      { roles: [...rep.roles] },
    );
  }
}
