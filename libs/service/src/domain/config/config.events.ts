import { eventParser, type DomainEvent, type EventParser } from '#ltc/kernel';
import type { Configured } from './config-rules.js';
import type { ServiceCalendarConfig } from './service-calendar.types.js';
import type { ServiceEntitlementConfig } from './service-entitlement.types.js';
import type { ServiceGroupConfig } from './service-group.types.js';
import type { SlaPolicyConfig } from './sla-policy.types.js';

/**
 * A version of an SLA policy: its first, or one replacing the last whole. Running tickets keep
 * the version they were accepted with; new tickets (and a re-apply) take this one.
 */
export type SlaPolicyConfigured = DomainEvent<'SlaPolicyConfigured', Configured & { readonly policy: SlaPolicyConfig }>;

/** A version of a business calendar; policies naming it resolve it when a ticket is accepted. */
export type ServiceCalendarConfigured = DomainEvent<
  'ServiceCalendarConfigured',
  Configured & { readonly calendar: ServiceCalendarConfig }
>;

/** A version of a service group: its line, lead, members and calendar. */
export type ServiceGroupConfigured = DomainEvent<
  'ServiceGroupConfigured',
  Configured & { readonly group: ServiceGroupConfig }
>;

/** What a contract entitles its customer to (policy, warranty end), in a new version. */
export type ServiceEntitlementRecorded = DomainEvent<
  'ServiceEntitlementRecorded',
  Configured & { readonly entitlement: ServiceEntitlementConfig }
>;

export type SlaPolicyEvent = SlaPolicyConfigured;
export type ServiceCalendarEvent = ServiceCalendarConfigured;
export type ServiceGroupEvent = ServiceGroupConfigured;
export type ServiceEntitlementEvent = ServiceEntitlementRecorded;
export type ServiceConfigEvent = SlaPolicyEvent | ServiceCalendarEvent | ServiceGroupEvent | ServiceEntitlementEvent;
export type ServiceConfigEventType = ServiceConfigEvent['type'];

/** The one place stored events become configuration events, one parser per aggregate. */
export const parseSlaPolicyEvent: EventParser<SlaPolicyEvent> = eventParser<SlaPolicyEvent>({
  SlaPolicyConfigured: true,
});
export const parseServiceCalendarEvent: EventParser<ServiceCalendarEvent> = eventParser<ServiceCalendarEvent>({
  ServiceCalendarConfigured: true,
});
export const parseServiceGroupEvent: EventParser<ServiceGroupEvent> = eventParser<ServiceGroupEvent>({
  ServiceGroupConfigured: true,
});
export const parseServiceEntitlementEvent: EventParser<ServiceEntitlementEvent> = eventParser<ServiceEntitlementEvent>({
  ServiceEntitlementRecorded: true,
});
