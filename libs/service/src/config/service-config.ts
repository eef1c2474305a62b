import type { BusinessCalendar } from '../domain/clock/business-calendar.js';
import type { Line, SlaPolicySnapshot } from '../domain/service-vocabulary.js';

/** A service group as it stands: the line it works on, its lead, its members and its calendar. */
export interface ServiceGroup {
  readonly groupId: string;
  readonly name: string;
  readonly line: Line;
  readonly lead: string | null;
  readonly members: readonly string[];
  /** The group's business calendar (OLA due times of its tasks); null: the ticket policy's calendar. */
  readonly calendarId: string | null;
}

/** The policy a new ticket is bound to, and where it came from. */
export interface Entitlement {
  readonly policy: SlaPolicySnapshot;
  readonly entitlement: 'contract' | 'default';
  /** The warranty end the contract's entitlement records (a calendar date); null: none recorded. */
  readonly warrantyEndsOn: string | null;
  /** The people of the contract's deal: its triangle (AR, SR, FR, sponsor) and the FR it was handed over to; [] without a contract. */
  readonly dealTeam: readonly string[];
  /** The customer the contract (or the deal it was drafted from) names; null: none known. */
  readonly account: string | null;
}

/**
 * The service configuration the ticket shell decides with: SLA policies (versioned, the
 * tenant's `default` built in as version 0), business calendars, service groups and contract
 * entitlements, each read from its own stream so a change is in force at once.
 */
export interface ServiceConfig {
  /** The entitlement of a customer's contract (null contract, or none recorded: the tenant's default policy). */
  entitlementFor(tenantId: string, contractId: string | null): Promise<Entitlement>;
  /** The policy version in force now, as a ticket keeps it (its calendar resolved in); null: no such policy. */
  policy(tenantId: string, policyId: string): Promise<SlaPolicySnapshot | null>;
  group(tenantId: string, groupId: string): Promise<ServiceGroup | null>;
  calendar(tenantId: string, calendarId: string): Promise<BusinessCalendar | null>;
  /** The groups that work on a line, by id: the first takes a ticket a policy escalates to that line. */
  groupsOnLine(tenantId: string, line: Line): Promise<readonly string[]>;
  /** The groups a person is a member or the lead of (for what a service agent sees). */
  groupsOf(tenantId: string, personId: string): Promise<readonly string[]>;
}

/** The Nest token of the `ServiceConfig` the service configuration module provides. */
export const SERVICE_CONFIG = 'ltc:service:ServiceConfig';
