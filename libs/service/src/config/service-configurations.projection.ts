import type { RecordedEvent } from '#ltc/event-store';
import { upsertRow, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import { parseServiceCalendarEvent, parseServiceGroupEvent, parseSlaPolicyEvent } from '../domain/config/index.js';

/** The configurations the lists show. */
export type ConfigurationKind = 'sla_policy' | 'calendar' | 'service_group';

/** Row shape of `service_configurations`: each configured policy, calendar and group at its latest version. */
export type ServiceConfigurationRow = {
  tenant_id: string;
  kind: ConfigurationKind;
  config_id: string;
  name: string;
  version: number;
  /** The whole configuration as JSON: the list shows what GET /…/{id} shows. */
  config: string;
  updated_at: string;
  revision: string;
};

export type ServiceConfigurationTables = { service_configurations: ServiceConfigurationRow };

export const serviceConfigurationsDb = (db: ReadModelDb | ReadModelTransaction) =>
  db.withTables<ServiceConfigurationTables>();

/** The configuration an event stores, as a row of its kind; null for any other event. */
function rowOf(recorded: RecordedEvent): Omit<ServiceConfigurationRow, 'tenant_id' | 'revision'> | null {
  const policy = parseSlaPolicyEvent(recorded);
  if (policy !== undefined) {
    const { policyId: id, name, version } = policy.data.policy;
    return {
      kind: 'sla_policy',
      config_id: id,
      name,
      version,
      config: JSON.stringify(policy.data.policy),
      updated_at: policy.data.at,
    };
  }
  const calendar = parseServiceCalendarEvent(recorded);
  if (calendar !== undefined) {
    const { calendarId: id, name, version } = calendar.data.calendar;
    return {
      kind: 'calendar',
      config_id: id,
      name,
      version,
      config: JSON.stringify(calendar.data.calendar),
      updated_at: calendar.data.at,
    };
  }
  const group = parseServiceGroupEvent(recorded);
  if (group !== undefined) {
    const { groupId: id, name, version } = group.data.group;
    return {
      kind: 'service_group',
      config_id: id,
      name,
      version,
      config: JSON.stringify(group.data.group),
      updated_at: group.data.at,
    };
  }
  return null;
}

/** The lists behind `GET /sla-policies`, `GET /calendars` and `GET /service-groups`. */
export const serviceConfigurationsProjection: Projection = {
  name: 'service_configurations',
  version: 1,
  filter: { streamPrefixes: ['slaPolicy-', 'serviceCalendar-', 'serviceGroup-'] },

  async setup(db) {
    await db.schema
      .createTable('service_configurations')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('config_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('service_configurations_pk', ['tenant_id', 'kind', 'config_id'])
      .execute();
  },

  async reset(trx) {
    await serviceConfigurationsDb(trx).deleteFrom('service_configurations').execute();
  },

  async apply(trx, recorded: RecordedEvent) {
    const row = rowOf(recorded);
    if (row === null) return;
    const full: ServiceConfigurationRow = {
      ...row,
      tenant_id: recorded.metadata.tenantId,
      revision: recorded.revision.toString(),
    };
    await upsertRow(trx, 'service_configurations', full, ['tenant_id', 'kind', 'config_id']);
  },
};
