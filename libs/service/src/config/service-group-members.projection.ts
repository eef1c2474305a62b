import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { parseServiceGroupEvent } from '../domain/config/index.js';

/** Row shape of `service_group_members`: one row per person of a group (a member, its lead, or both). */
export type ServiceGroupMemberRow = {
  tenant_id: string;
  group_id: string;
  person_id: string;
};

export type ServiceGroupMemberTables = { service_group_members: ServiceGroupMemberRow };

export const serviceGroupMembersDb = (db: ReadModelDb | ReadModelTransaction) =>
  db.withTables<ServiceGroupMemberTables>();

/**
 * Who is in which group, for what a service agent sees (`groupsOf`): each version of a group
 * replaces its rows whole. Keyed tenant, person, group, so a person's groups are one range read.
 */
export const serviceGroupMembersProjection: Projection = {
  name: 'service_group_members',
  version: 1,
  filter: { streamPrefixes: ['serviceGroup-'] },

  async setup(db) {
    await db.schema
      .createTable('service_group_members')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('service_group_members_pk', ['tenant_id', 'person_id', 'group_id'])
      .execute();
    await db.schema
      .createIndex('service_group_members_by_group')
      .ifNotExists()
      .on('service_group_members')
      .columns(['tenant_id', 'group_id'])
      .execute();
  },

  async reset(trx) {
    await serviceGroupMembersDb(trx).deleteFrom('service_group_members').execute();
  },

  async apply(trx, recorded: RecordedEvent) {
    const event = parseServiceGroupEvent(recorded);
    if (event?.type !== 'ServiceGroupConfigured') return;
    const { groupId, lead, members } = event.data.group;
    const tenantId = recorded.metadata.tenantId;
    const db = serviceGroupMembersDb(trx);
    await db
      .deleteFrom('service_group_members')
      .where('tenant_id', '=', tenantId)
      .where('group_id', '=', groupId)
      .execute();
    const people = [...new Set(lead === null ? members : [lead, ...members])];
    if (people.length === 0) return;
    await db
      .insertInto('service_group_members')
      .values(people.map((person) => ({ tenant_id: tenantId, group_id: groupId, person_id: person })))
      .execute();
  },
};

/** The groups a person is a member or the lead of, by id. */
export async function groupsOfPerson(db: ReadModelDb, tenantId: string, personId: string): Promise<string[]> {
  const rows = await serviceGroupMembersDb(db)
    .selectFrom('service_group_members')
    .select('group_id')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('group_id')
    .execute();
  return rows.map((row) => row.group_id);
}
