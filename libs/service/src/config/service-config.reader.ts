import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';
import { READ_MODEL_DB } from '#ltc/platform';
import type { BusinessCalendar } from '../domain/clock/business-calendar.js';
import {
  AROUND_THE_CLOCK,
  businessCalendarOf,
  slaPolicySnapshot,
  type ResolvedCalendar,
  type SlaPolicyConfig,
} from '../domain/config/index.js';
import type { Line, SlaPolicySnapshot } from '../domain/service-vocabulary.js';
import { DEFAULT_POLICY_ID } from '../service-streams.js';
import { readContractFacts } from './contract-facts.js';
import { groupsOfPerson } from './service-group-members.projection.js';
import { serviceConfigurationsDb } from './service-configurations.projection.js';
import type { Entitlement, ServiceConfig, ServiceGroup } from './service-config.js';
import { loadServiceCalendar, loadServiceEntitlement, loadServiceGroup, loadSlaPolicy } from './stored-config.js';

/**
 * The service configuration the ticket shell decides with. Policies, calendars, groups and
 * entitlements are read from their own streams, so a change is in force for the very next
 * ticket; only `groupsOf` (what an agent sees) and `groupsOnLine` (where an escalation goes) read
 * read models (`service_group_members`, `service_configurations`).
 */
@Injectable()
export class ServiceConfigReader implements ServiceConfig {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  async policy(tenantId: string, policyId: string): Promise<SlaPolicySnapshot | null> {
    const stored = await loadSlaPolicy(this.store, tenantId, policyId);
    return stored === null ? null : this.snapshotOf(tenantId, stored.config);
  }

  async entitlementFor(tenantId: string, contractId: string | null): Promise<Entitlement> {
    const contract = contractId === null ? null : await readContractFacts(this.store, tenantId, contractId);
    const recorded = contract === null ? null : await loadServiceEntitlement(this.store, tenantId, contract.contractId);
    const people = { dealTeam: contract?.dealTeam ?? [], account: contract?.account ?? null };
    const policy = recorded === null ? null : await this.policy(tenantId, recorded.config.policyId);
    if (recorded !== null && policy !== null) {
      return { policy, entitlement: 'contract', warrantyEndsOn: recorded.config.warrantyEndsOn, ...people };
    }
    return { policy: await this.defaultPolicy(tenantId), entitlement: 'default', warrantyEndsOn: null, ...people };
  }

  async group(tenantId: string, groupId: string): Promise<ServiceGroup | null> {
    const stored = await loadServiceGroup(this.store, tenantId, groupId);
    if (stored === null) return null;
    const { groupId: id, name, line, lead, members, calendarId } = stored.config;
    return { groupId: id, name, line, lead, members, calendarId };
  }

  async calendar(tenantId: string, calendarId: string): Promise<BusinessCalendar | null> {
    const stored = await loadServiceCalendar(this.store, tenantId, calendarId);
    return stored === null ? null : businessCalendarOf(stored.config);
  }

  async groupsOnLine(tenantId: string, line: Line): Promise<readonly string[]> {
    const rows = await serviceConfigurationsDb(this.readModels.db)
      .selectFrom('service_configurations')
      .select(['config_id', 'config'])
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'service_group')
      .orderBy('config_id')
      .execute();
    return rows
      .filter((row) => (JSON.parse(row.config) as { line: unknown }).line === line)
      .map((row) => row.config_id);
  }

  groupsOf(tenantId: string, personId: string): Promise<readonly string[]> {
    return groupsOfPerson(this.readModels.db, tenantId, personId);
  }

  private async defaultPolicy(tenantId: string): Promise<SlaPolicySnapshot> {
    const policy = await this.policy(tenantId, DEFAULT_POLICY_ID);
    // `default` is built in: loadSlaPolicy never answers null for it.
    if (policy === null) throw new Error(`The default SLA policy of ${tenantId} could not be read`);
    return policy;
  }

  /** The policy with the current version of its calendar resolved in (a policy names only known calendars). */
  private async snapshotOf(tenantId: string, config: SlaPolicyConfig): Promise<SlaPolicySnapshot> {
    if (config.calendarId === null) return slaPolicySnapshot(config, AROUND_THE_CLOCK);
    const calendar = await loadServiceCalendar(this.store, tenantId, config.calendarId);
    if (calendar === null) {
      throw new Error(`SLA policy ${config.policyId} names calendar ${config.calendarId}, which ${tenantId} lacks`);
    }
    const resolved: ResolvedCalendar = {
      calendarVersion: calendar.config.version,
      calendar: businessCalendarOf(calendar.config),
    };
    return slaPolicySnapshot(config, resolved);
  }
}
