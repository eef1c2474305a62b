import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import type { Decider, DomainEvent, EventParser } from '#ltc/kernel';
import {
  DEFAULT_SLA_POLICY,
  parseServiceCalendarEvent,
  parseServiceEntitlementEvent,
  parseServiceGroupEvent,
  parseSlaPolicyEvent,
  serviceCalendarDecider,
  serviceEntitlementDecider,
  serviceGroupDecider,
  slaPolicyDecider,
  type ConfigState,
  type ServiceCalendarConfig,
  type ServiceEntitlementConfig,
  type ServiceGroupConfig,
  type SlaPolicyConfig,
} from '../domain/config/index.js';
import {
  DEFAULT_POLICY_ID,
  calendarStream,
  entitlementStream,
  serviceGroupStream,
  slaPolicyStream,
} from '../service-streams.js';

/** A configuration as it stands, with the stream revision an `If-Match` names (undefined: never written). */
export interface Stored<Config> {
  readonly config: Config;
  readonly revision: bigint | undefined;
}

/**
 * The latest version, read from the configuration's own stream (never a lagging read model:
 * a ticket accepted a moment after a PUT is bound to the new version). Null: never written
 * in this tenant.
 */
async function loadLatest<Config, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<never, Event, ConfigState<Config>>,
  stream: string,
  parse: EventParser<Event>,
  tenantId: string,
): Promise<Stored<Config> | null> {
  const folded = await aggregateStream(store, decider, stream, { parse });
  if (folded.state.status !== 'configured' || folded.tenantId !== tenantId) return null;
  return { config: folded.state.config, revision: folded.revision };
}

/** The policy's latest version; `default` is the built-in version 0 until the tenant stores one. */
export async function loadSlaPolicy(
  store: EventStore,
  tenantId: string,
  policyId: string,
): Promise<Stored<SlaPolicyConfig> | null> {
  const stream = slaPolicyStream(tenantId, policyId);
  const stored = await loadLatest(store, slaPolicyDecider, stream, parseSlaPolicyEvent, tenantId);
  if (stored !== null || policyId !== DEFAULT_POLICY_ID) return stored;
  return { config: builtInDefaultPolicy(), revision: undefined };
}

export const builtInDefaultPolicy = (): SlaPolicyConfig => ({
  policyId: DEFAULT_POLICY_ID,
  version: 0,
  ...DEFAULT_SLA_POLICY,
});

export const loadServiceCalendar = (
  store: EventStore,
  tenantId: string,
  calendarId: string,
): Promise<Stored<ServiceCalendarConfig> | null> =>
  loadLatest(store, serviceCalendarDecider, calendarStream(tenantId, calendarId), parseServiceCalendarEvent, tenantId);

export const loadServiceGroup = (
  store: EventStore,
  tenantId: string,
  groupId: string,
): Promise<Stored<ServiceGroupConfig> | null> =>
  loadLatest(store, serviceGroupDecider, serviceGroupStream(tenantId, groupId), parseServiceGroupEvent, tenantId);

export const loadServiceEntitlement = (
  store: EventStore,
  tenantId: string,
  contractId: string,
): Promise<Stored<ServiceEntitlementConfig> | null> =>
  loadLatest(
    store,
    serviceEntitlementDecider,
    entitlementStream(tenantId, contractId),
    parseServiceEntitlementEvent,
    tenantId,
  );

/**
 * Whether the tenant has the calendar (for a policy or group naming it). Calendars are never
 * deleted, so a yes cannot turn into a no between this read and the append that relies on it.
 */
export async function calendarExists(store: EventStore, tenantId: string, calendarId: string): Promise<boolean> {
  const [first] = await store.readStream(calendarStream(tenantId, calendarId), { maxCount: 1 });
  return first !== undefined && first.metadata.tenantId === tenantId;
}

/** Whether the tenant has the policy (`default` always exists). */
export async function slaPolicyExists(store: EventStore, tenantId: string, policyId: string): Promise<boolean> {
  if (policyId === DEFAULT_POLICY_ID) return true;
  const [first] = await store.readStream(slaPolicyStream(tenantId, policyId), { maxCount: 1 });
  return first !== undefined && first.metadata.tenantId === tenantId;
}
