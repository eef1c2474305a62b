import { NotFoundError } from '#ltc/kernel';
import { deciderSpec } from '#ltc/testing/decider-spec';
import { serviceEntitlementDecider, type ServiceEntitlementCommand } from './service-entitlement.decider.js';
import type { ServiceEntitlementDefinition } from './service-entitlement.types.js';

const { given, history } = deciderSpec(serviceEntitlementDecider);
const now = new Date('2026-03-01T09:00:00Z');
const record = (
  definition: ServiceEntitlementDefinition,
  facts: { contractKnown?: boolean; policyKnown?: boolean } = {},
): ServiceEntitlementCommand => ({
  type: 'RecordServiceEntitlement',
  contractId: 'c-17',
  definition,
  contractKnown: facts.contractKnown ?? true,
  policyKnown: facts.policyKnown ?? true,
  actor: 'sven-manager',
  now,
});
const gold: ServiceEntitlementDefinition = { policyId: 'gold', warrantyEndsOn: '2028-06-30' };

describe('Service entitlement › record', () => {
  it('given none, when recorded, then version 1 with the policy and warranty end', () => {
    const data = given([]).when(record(gold)).thenEmitsOne('ServiceEntitlementRecorded');
    expect(data.entitlement).toEqual({
      contractId: 'c-17',
      version: 1,
      policyId: 'gold',
      warrantyEndsOn: '2028-06-30',
    });
  });

  it('given version 1, when the warranty ends later, then version 2; the same again appends nothing', () => {
    const v1 = history(record(gold));
    const data = given(v1)
      .when(record({ ...gold, warrantyEndsOn: null }))
      .thenEmitsOne('ServiceEntitlementRecorded');
    expect([data.entitlement.version, data.previousVersion, data.entitlement.warrantyEndsOn]).toEqual([2, 1, null]);
    given(v1).when(record(gold)).thenNothing();
  });

  it('given a contract of another tenant or none, then 404 Contract', () => {
    given([])
      .when(record(gold, { contractKnown: false }))
      .thenFails(NotFoundError, { code: 'CONTRACT_NOT_FOUND' });
  });

  it('given an unknown policy, then 400 policyId', () => {
    given([])
      .when(record(gold, { policyKnown: false }))
      .thenFails({ code: 'VALIDATION_FAILED', field: 'policyId', rule: 'knownPolicy' });
  });

  it('given a warranty end that is no date, then 400 warrantyEndsOn', () => {
    given([])
      .when(record({ ...gold, warrantyEndsOn: '2028-02-30' }))
      .thenFails({ code: 'VALIDATION_FAILED', field: 'warrantyEndsOn', rule: 'date' });
  });
});
