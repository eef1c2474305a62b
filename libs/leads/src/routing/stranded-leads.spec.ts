import { listNotifications } from './lead-notifications.js';
import { RoutingWorld, TENANT } from './test/routing-world.js';

/**
 * Leads nobody can take wait, with the reason, on their own stream; managers get one digest
 * per import; the leads are routed once a rep has room (capacity raised, a lead closed).
 */
describe('Lead routing › leads that wait for a rep', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
    world.directory.add('ana', { capacity: { maxOpenLeads: 1, dailyQuota: 0 } });
    world.directory.add('bo', { capacity: { maxOpenLeads: 1, dailyQuota: 0 } });
    world.directory.managers.set('emea', 'maria');
  });
  afterEach(() => world.stop());

  const ids = ['lead-1', 'lead-2', 'lead-3', 'lead-4', 'lead-5'];

  async function importLeads(): Promise<void> {
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
  }

  const count = async (leadId: string, type: string) => (await world.types(leadId)).filter((t) => t === type).length;

  async function repChange(type: string, data: Record<string, unknown>, commandId: string): Promise<void> {
    await world.store.appendToStream(`rep-${TENANT}:${String(data['repId'])}`, [
      {
        type,
        data,
        metadata: {
          tenantId: TENANT,
          correlationId: commandId,
          causationId: commandId,
          actor: { userId: 'maria', role: 'sales_manager' },
          commandId,
          schemaVersion: 1,
        },
      },
    ]);
    await world.settle();
  }

  it('defers with the reason once, sends one digest per import, and routes oldest first when capacity is raised', async () => {
    await world.run();
    await importLeads();
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
    expect(digests.items).toEqual([
      expect.objectContaining({
        kind: 'leads_waiting',
        recipientId: 'maria',
        message: expect.stringContaining('3 leads from import batch-1 wait for an owner (3 all reps at capacity)'),
      }),
    ]);

    // Nothing frees up: the leads keep waiting, and the unchanged reason is not recorded again.
    await repChange(
      'RepCapacityChanged',
      { repId: 'bo', capacity: { maxOpenLeads: 1, dailyQuota: 0 }, changedAt: 'x' },
      'c0',
    );
    for (const leadId of ['lead-3', 'lead-4', 'lead-5']) expect(await count(leadId, 'LeadRoutingDeferred')).toBe(1);

    // The directory still says 1: routing takes the raised capacity from the event itself.
    await repChange(
      'RepCapacityChanged',
      { repId: 'ana', capacity: { maxOpenLeads: 3, dailyQuota: 0 }, changedAt: 'x' },
      'c1',
    );
    expect(await world.last('lead-3', 'LeadAssigned')).toMatchObject({ repId: 'ana' });
    expect(await world.last('lead-4', 'LeadAssigned')).toMatchObject({ repId: 'ana' });
    expect(await world.last<{ reason: string }>('lead-3', 'LeadAssigned')).toMatchObject({
      reason: expect.stringContaining('capacity_freed'),
    });
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
  }, 60_000);

  it('names the reason when every rep of the team is away', async () => {
    world.directory.add('ana', { availability: { status: 'away', until: null } });
    world.directory.add('bo', { availability: { status: 'away', until: null } });
    await world.run();
    await world.capture('lead-away', { team: 'emea' });
    await world.settle();
    expect(await world.last('lead-away', 'LeadRoutingDeferred')).toMatchObject({ reason: 'all_unavailable' });
    await repChange(
      'RepAvailabilityChanged',
      { repId: 'bo', availability: { status: 'active' }, changedAt: 'x' },
      'a1',
    );
    expect(await world.last('lead-away', 'LeadAssigned')).toMatchObject({ repId: 'bo' });
  }, 60_000);
});
