import { NotFoundError, type Decider } from '#ltc/kernel';
import { currentOf, fail, isCalendarDate, noConfig, sameJson, type ConfigState } from './config-rules.js';
import type { ServiceEntitlementEvent } from './config.events.js';
import type { ServiceEntitlementConfig, ServiceEntitlementDefinition } from './service-entitlement.types.js';

/** Records what a contract entitles its customer to (PUT /service-entitlements/{contractId}). */
export interface RecordServiceEntitlement {
  readonly type: 'RecordServiceEntitlement';
  readonly contractId: string;
  readonly definition: ServiceEntitlementDefinition;
  /** Whether the contract exists in the caller's tenant (asked of its stream): another tenant's is unknown. */
  readonly contractKnown: boolean;
  /** Whether the tenant has the policy named (`default` always exists). */
  readonly policyKnown: boolean;
  readonly actor: string;
  readonly now: Date;
}

export type ServiceEntitlementCommand = RecordServiceEntitlement;
export type ServiceEntitlementState = ConfigState<ServiceEntitlementConfig>;

/** Decides a new entitlement version; the same policy and warranty again changes nothing. */
export function decideServiceEntitlement(
  command: ServiceEntitlementCommand,
  state: ServiceEntitlementState,
): ServiceEntitlementEvent[] {
  if (!command.contractKnown) throw new NotFoundError('Contract', command.contractId);
  const { policyId, warrantyEndsOn } = command.definition;
  if (!command.policyKnown) fail('policyId', 'knownPolicy', `SLA policy ${policyId} does not exist`);
  if (warrantyEndsOn !== null && !isCalendarDate(warrantyEndsOn)) {
    fail('warrantyEndsOn', 'date', 'warrantyEndsOn is a date, YYYY-MM-DD, or null');
  }
  const current = currentOf(state);
  const definition: ServiceEntitlementDefinition = { policyId, warrantyEndsOn };
  if (
    current !== null &&
    sameJson({ policyId: current.policyId, warrantyEndsOn: current.warrantyEndsOn }, definition)
  ) {
    return [];
  }
  const version = (current?.version ?? 0) + 1;
  return [
    {
      type: 'ServiceEntitlementRecorded',
      data: {
        entitlement: { contractId: command.contractId, version, ...definition },
        previousVersion: current?.version ?? null,
        actor: command.actor,
        at: command.now.toISOString(),
      },
    },
  ];
}

export function evolveServiceEntitlement(
  _state: ServiceEntitlementState,
  event: ServiceEntitlementEvent,
): ServiceEntitlementState {
  return { status: 'configured', config: event.data.entitlement };
}

export const serviceEntitlementDecider: Decider<
  ServiceEntitlementCommand,
  ServiceEntitlementEvent,
  ServiceEntitlementState
> = {
  initialState: noConfig,
  decide: decideServiceEntitlement,
  evolve: evolveServiceEntitlement,
};
