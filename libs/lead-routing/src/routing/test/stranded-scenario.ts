import { listUnassignedLeads } from '#ltc/leads';
import { listNotifications } from '../lead-notifications.js';
import { RoutingWorld, TENANT } from './routing-world.js';

const IDS = ['lead-1', 'lead-2', 'lead-3', 'lead-4', 'lead-5'];

/** Two reps with room for one lead each, in team emea managed by maria. */
export function fullTeam(world: RoutingWorld): void {
  world.directory.add('ana', { capacity: { maxOpenLeads: 1, dailyQuota: 0 } });
  world.directory.add('bo', { capacity: { maxOpenLeads: 1, dailyQuota: 0 } });
  world.directory.managers.set('emea', 'maria');
}

/**
 * Five leads imported into a full team: two are routed, three wait with the reason and one
 * digest; raising capacity and closing a lead route the rest, each once. Run on SQLite and
 * PostgreSQL read models alike.
 */
export async function strandedLeadsScenario(world: RoutingWorld): Promise<void> {
  const ids = IDS;
  const count = async (leadId: string, type: string) => (await world.types(leadId)).filter((t) => t === type).length;
  await world.run();
  for (const leadId of ids) {
    await world.leadCommand({
      type: 'CaptureLead',
      leadId,
      name: `Lead ${leadId}`,
      company: null,
      contact: { person: null, email: `${leadId}@example.com`, phone: null },
      source: 'website',
      region: 'EMEA',
      team: 'emea',
      importBatchId: 'batch-1',
      now: world.clock.now(),
    });
  }
  await world.settle();

  expect(await world.last('lead-1', 'LeadAssigned')).toMatchObject({ repId: 'ana' });
  expect(await world.last('lead-2', 'LeadAssigned')).toMatchObject({ repId: 'bo' });
  for (const leadId of ['lead-3', 'lead-4', 'lead-5']) {
    expect(await world.last(leadId, 'LeadRoutingDeferred')).toMatchObject({
      reason: 'all_at_capacity',
      detail: 'all 2 active rep(s) at capacity',
      teamId: 'emea',
      importBatchId: 'batch-1',
    });
  }
  const digests = await listNotifications(world.readModel.db, TENANT, ['maria', 'role:sales_manager'], {
    limit: 10,
    offset: 0,
  });
  expect(digests.items.map((n) => [n.kind, n.recipientId])).toEqual([['leads_waiting', 'maria']]);
  expect(digests.items[0]?.message).toContain('3 leads from import batch-1 wait for an owner (3 all reps at capacity)');

  const queue = await listUnassignedLeads(world.readModel.db, TENANT, {
    scope: { teams: ['emea'] },
    limit: 10,
    offset: 0,
  });
  expect(queue.items.map((item) => [item.leadId, item.reason, item.name])).toEqual([
    ['lead-3', 'all_at_capacity', 'Lead lead-3'],
    ['lead-4', 'all_at_capacity', 'Lead lead-4'],
    ['lead-5', 'all_at_capacity', 'Lead lead-5'],
  ]);
  const elsewhere = await listUnassignedLeads(world.readModel.db, TENANT, {
    scope: { teams: ['apac'] },
    limit: 10,
    offset: 0,
  });
  expect(elsewhere.total).toBe(0);

  // Nothing frees up: the leads keep waiting, and the unchanged reason is not recorded again.
  await world.repEvent('RepCapacityChanged', {
    repId: 'bo',
    capacity: { maxOpenLeads: 1, dailyQuota: 0 },
    changedAt: 'x',
  });
  for (const leadId of ['lead-3', 'lead-4', 'lead-5']) expect(await count(leadId, 'LeadRoutingDeferred')).toBe(1);

  // The directory still says 1: routing takes the raised capacity from the event itself.
  await world.repEvent('RepCapacityChanged', {
    repId: 'ana',
    capacity: { maxOpenLeads: 3, dailyQuota: 0 },
    changedAt: 'x',
  });
  expect(await world.last('lead-3', 'LeadAssigned')).toMatchObject({ repId: 'ana' });
  expect(await world.last('lead-4', 'LeadAssigned')).toMatchObject({ repId: 'ana' });
  expect((await world.last<{ reason: string }>('lead-3', 'LeadAssigned'))?.reason).toContain('capacity_freed');
  expect(await count('lead-5', 'LeadAssigned')).toBe(0);

  // Closing an owned lead frees bo's slot: the last waiting lead gets it.
  await world.leadCommand({
    type: 'DisqualifyLead',
    leadId: 'lead-2',
    reasonCode: 'no_budget',
    note: null,
    now: world.clock.now(),
  });
  await world.settle();
  expect(await world.last('lead-5', 'LeadAssigned')).toMatchObject({ repId: 'bo' });
  for (const leadId of ids) expect(await count(leadId, 'LeadAssigned')).toBe(1);
  const after = await listUnassignedLeads(world.readModel.db, TENANT, { scope: 'all', limit: 10, offset: 0 });
  expect(after.total).toBe(0);
}
