import type { ReadModelDb } from '#ltc/projections';
import type { ServiceCalendarConfig, ServiceGroupConfig, SlaPolicyConfig } from '../domain/config/index.js';
import { DEFAULT_POLICY_ID } from '../service-streams.js';
import { serviceConfigurationsDb, type ConfigurationKind } from './service-configurations.projection.js';
import { builtInDefaultPolicy } from './stored-config.js';

async function listOf<Config>(db: ReadModelDb, tenantId: string, kind: ConfigurationKind): Promise<Config[]> {
  const rows = await serviceConfigurationsDb(db)
    .selectFrom('service_configurations')
    .select('config')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .orderBy('config_id')
    .execute();
  return rows.map((row) => JSON.parse(row.config) as Config);
}

/** The tenant's policies by id, each at its latest version; `default` is always among them (built in until stored). */
export async function listSlaPolicies(db: ReadModelDb, tenantId: string): Promise<SlaPolicyConfig[]> {
  const configured = await listOf<SlaPolicyConfig>(db, tenantId, 'sla_policy');
  if (configured.some((policy) => policy.policyId === DEFAULT_POLICY_ID)) return configured;
  return [builtInDefaultPolicy(), ...configured].sort((a, b) => (a.policyId < b.policyId ? -1 : 1));
}

export const listServiceCalendars = (db: ReadModelDb, tenantId: string): Promise<ServiceCalendarConfig[]> =>
  listOf<ServiceCalendarConfig>(db, tenantId, 'calendar');

export const listServiceGroups = (db: ReadModelDb, tenantId: string): Promise<ServiceGroupConfig[]> =>
  listOf<ServiceGroupConfig>(db, tenantId, 'service_group');
