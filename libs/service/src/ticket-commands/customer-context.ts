import type { Entitlement } from '../config/service-config.js';
import type { CustomerContext } from '../domain/service-vocabulary.js';

/**
 * The customer's context a ticket is registered with: the entitlement of their contract (or the
 * tenant's default), the warranty as it stands on the day of acceptance, and the deal's people.
 */
export function customerContextOf(
  account: string,
  contractId: string | null,
  entitlement: Entitlement,
  now: Date,
): CustomerContext {
  const today = now.toISOString().slice(0, 10);
  const endsOn = entitlement.warrantyEndsOn;
  return {
    account,
    contractId,
    entitlement: entitlement.entitlement,
    warranty: endsOn === null ? 'none' : today <= endsOn ? 'in_warranty' : 'out_of_warranty',
    warrantyEndsOn: endsOn,
    dealTeam: entitlement.dealTeam,
  };
}
