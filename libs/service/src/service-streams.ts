import { streamName } from '#ltc/event-store';

/** Every event of one service ticket lives in `ticket-<ticketId>`; the tenant is in the event's metadata. */
export const ticketStream = (ticketId: string): string => streamName('ticket', ticketId);

/** Each SLA policy's versions live in `slaPolicy-<tenantId>:<policyId>` (policy ids are chosen per tenant). */
export const slaPolicyStream = (tenantId: string, policyId: string): string =>
  streamName('slaPolicy', `${tenantId}:${policyId}`);

/** Each business calendar's versions, `serviceCalendar-<tenantId>:<calendarId>`. */
export const calendarStream = (tenantId: string, calendarId: string): string =>
  streamName('serviceCalendar', `${tenantId}:${calendarId}`);

/** Each service group (its line, lead, members and calendar), `serviceGroup-<tenantId>:<groupId>`. */
export const serviceGroupStream = (tenantId: string, groupId: string): string =>
  streamName('serviceGroup', `${tenantId}:${groupId}`);

/** What a contract entitles its customer to (SLA policy, warranty), `serviceEntitlement-<tenantId>:<contractId>`. */
export const entitlementStream = (tenantId: string, contractId: string): string =>
  streamName('serviceEntitlement', `${tenantId}:${contractId}`);

/** The tenant's default policy id: the policy of a customer without a contract entitlement. */
export const DEFAULT_POLICY_ID = 'default';
