import type { ProcessManagerContext } from '#ltc/projections';
import type { AssignmentCandidate } from '#ltc/leads/domain';
import { canClaim } from '../distribution/can-claim.js';
import { DEFAULT_DISTRIBUTION_POLICY } from '../distribution/domain/distribution-policy.js';
import { findDecision, ledgerDb } from '../distribution/ledger/distribution-ledger.js';
import { openLeadsOf, repLoads } from '../distribution/ledger/ledger.queries.js';
import { listAttemptsDue } from './lead-attempts-due.js';
import { SALES_MANAGERS, listNotifications } from './lead-notifications.js';
import { RoutingWorld, TENANT } from './test/routing-world.js';

type Assigned = {
  repId: string;
  method: string;
  reason: string;
  candidates: AssignmentCandidate[];
  assignmentNo: number;
};

describe('Lead routing › distribution under load', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
  });
  afterEach(() => world.stop());

  async function ownersOf(leadIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const leadId of leadIds) {
      const assigned = await world.last<Assigned>(leadId, 'LeadAssigned');
      if (!assigned) throw new Error(`lead ${leadId} was not assigned`);
      counts.set(assigned.repId, (counts.get(assigned.repId) ?? 0) + 1);
    }
    return counts;
  }

  async function captureMany(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `lead-${String(i).padStart(3, '0')}`);
    // Captured in concurrent bursts while routing runs, as a busy web form would.
    for (let i = 0; i < ids.length; i += 25) {
      await Promise.all(ids.slice(i, i + 25).map((id) => world.capture(id)));
    }
    return ids;
  }

  it('round robin over 3 eligible reps gives each exactly 100 of 300 leads', async () => {
    for (const id of ['ana', 'bo', 'cleo']) world.directory.add(id);
    await world.run();
    const ids = await captureMany(300);
    await world.settle();

    expect(Object.fromEntries(await ownersOf(ids))).toEqual({ ana: 100, bo: 100, cleo: 100 });
    const loads = await repLoads(world.readModel.db, TENANT, world.clock.now());
    expect([...loads].map(([rep, load]) => [rep, load.openLeads])).toEqual([
      ['ana', 100],
      ['bo', 100],
      ['cleo', 100],
    ]);
    const unconfirmed = await ledgerDb(world.readModel.db)
      .selectFrom('lead_distribution_ledger')
      .select('lead_id')
      .where('confirmed', '=', 0)
      .execute();
    expect(unconfirmed).toEqual([]);
  }, 120_000);

  it('never gives a rep more than their capacity, however fast leads arrive', async () => {
    world.directory.add('ana');
    world.directory.add('bo');
    world.directory.add('cleo', { capacity: { maxOpenLeads: 20, dailyQuota: 0 } });
    await world.run();
    const ids = await captureMany(150);
    await world.settle();

    const counts = await ownersOf(ids);
    expect(counts.get('cleo')).toBe(20);
    expect(counts.get('ana')).toBe(65);
    expect(counts.get('bo')).toBe(65);
    expect(await openLeadsOf(world.readModel.db, TENANT, 'cleo')).toBe(20);
    const last = await world.last<Assigned>(ids.at(-1) ?? '', 'LeadAssigned');
    expect(last?.candidates.find((c) => c.repId === 'cleo')?.reason).toBe('at capacity 20/20 open leads');
  }, 120_000);

  it('counts claims and manual assignments made outside routing', async () => {
    world.directory.add('ana');
    await world.setPolicy({ method: 'cherry_pick', claimCapPerRep: 2 });
    await world.run();
    for (const id of ['l1', 'l2', 'l3']) await world.capture(id);
    await world.settle();
    expect(await world.types('l1')).toEqual(['LeadCaptured', 'LeadPooled']);

    const claim = (leadId: string) =>
      world.leadCommand(
        { type: 'ClaimLead', leadId, repId: 'ana', responseTargetSeconds: 300, now: world.clock.now() },
        'ana',
      );
    await claim('l1');
    await claim('l2');
    await world.settle();
    const policy = { ...DEFAULT_DISTRIBUTION_POLICY, claimCapPerRep: 2 };
    expect(await canClaim(world.readModel.db, TENANT, 'ana', policy)).toEqual({
      ok: false,
      openLeads: 2,
      reason: 'at the claim cap: 2/2 open leads',
    });
    await world.leadCommand({
      type: 'DisqualifyLead',
      leadId: 'l1',
      reasonCode: 'no_budget',
      note: null,
      now: world.clock.now(),
    });
    await world.settle();
    expect((await canClaim(world.readModel.db, TENANT, 'ana', policy)).ok).toBe(true);
  }, 60_000);
});

describe('Lead routing › one event handled twice', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
  });
  afterEach(() => world.stop());

  function recordingContext(): { ctx: ProcessManagerContext; sent: unknown[] } {
    const sent: unknown[] = [];
    return {
      sent,
      ctx: {
        dispatch: async (command, options) => {
          sent.push({ command, key: options?.key });
        },
        schedule: async () => undefined,
        cancel: async () => undefined,
      },
    };
  }

  it('re-sends the decision it recorded instead of deciding again', async () => {
    world.directory.add('ana');
    world.directory.add('bo');
    await world.capture('lead-1');
    const [captured] = await world.events('lead-1');
    if (!captured) throw new Error('no capture');
    const first = recordingContext();
    await world.manager.handle(captured, first.ctx);
    // Meanwhile ana got busier: a fresh decision would now pick bo.
    world.directory.add('ana', { capacity: { maxOpenLeads: 0, dailyQuota: 0 } });
    const again = recordingContext();
    await world.manager.handle(captured, again.ctx);

    expect(again.sent).toEqual(first.sent);
    expect(first.sent).toEqual([
      {
        key: 'route',
        command: expect.objectContaining({
          type: 'lead.AssignLead',
          payload: expect.objectContaining({ repId: 'ana' }),
        }),
      },
    ]);
    const rows = await ledgerDb(world.readModel.db).selectFrom('lead_distribution_ledger').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rep_id: 'ana', open: 1, confirmed: 0, decision_key: captured.id });
  });

  it('drops its ledger row when the lead refuses the command', async () => {
    world.directory.add('ana');
    await world.capture('lead-1');
    await world.leadCommand({
      type: 'DisqualifyLead',
      leadId: 'lead-1',
      reasonCode: 'spam',
      note: null,
      now: world.clock.now(),
    });
    const [captured] = await world.events('lead-1');
    if (!captured) throw new Error('no capture');
    // The lead is closed by now, so routing does not even try.
    const { ctx, sent } = recordingContext();
    await world.manager.handle(captured, ctx);
    expect(sent).toEqual([]);

    // A lead that closes between the decision and the command: the refusal removes the row.
    await world.capture('lead-2');
    const [capture2] = await world.events('lead-2');
    if (!capture2) throw new Error('no capture');
    const refusing: ProcessManagerContext = {
      ...ctx,
      dispatch: async () => {
        const { DomainError } = await import('#ltc/kernel');
        throw new DomainError('LEAD_CLOSED', 'closed meanwhile');
      },
    };
    await world.manager.handle(capture2, refusing);
    expect(await openLeadsOf(world.readModel.db, TENANT, 'ana')).toBe(0);
    expect(await findDecision(world.readModel.db, capture2.id)).toBeUndefined();
  });
});

describe('Lead routing › clocks', () => {
  let world: RoutingWorld;
  beforeEach(async () => {
    world = await RoutingWorld.start();
    for (const id of ['ana', 'bo', 'cleo']) world.directory.add(id);
    world.directory.managers.set('emea', 'maria');
  });
  afterEach(() => world.stop());

  it('warns at the warning share of the response target, then breaches and reassigns', async () => {
    await world.setPolicy({
      responseTargetSeconds: { default: 10 },
      warningPercent: 50,
      escalation: 'notify_manager_and_reassign',
    });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    expect((await world.last<Assigned>('lead-1', 'LeadAssigned'))?.repId).toBe('ana');

    await world.advance(5);
    expect(await world.types('lead-1')).toContain('LeadResponseWarning');
    const anaSees = await listNotifications(world.readModel.db, TENANT, ['ana'], { limit: 10, offset: 0 });
    expect(anaSees.items.map((n) => n.kind)).toEqual(['response_warning']);

    await world.advance(5);
    const types = await world.types('lead-1');
    expect(types.slice(-2)).toEqual(['LeadResponseSlaBreached', 'LeadAssigned']);
    const reassigned = await world.last<Assigned>('lead-1', 'LeadAssigned');
    expect(reassigned).toMatchObject({ repId: 'bo', assignmentNo: 2 });
    expect(reassigned?.candidates.find((c) => c.repId === 'ana')?.reason).toBe(
      'missed the first-contact target on this lead',
    );
    const mariaSees = await listNotifications(world.readModel.db, TENANT, ['maria'], { limit: 10, offset: 0 });
    expect(mariaSees.items[0]?.message).toContain('ana missed the first-contact target');

    // The first owner's timers are stale now; bo's own clock runs from the reassignment.
    await world.advance(10);
    const breaches = (await world.events('lead-1')).filter((e) => e.type === 'LeadResponseSlaBreached');
    expect(breaches.map((e) => (e.data as { repId: string }).repId)).toEqual(['ana', 'bo']);
  }, 60_000);

  it('a contact attempt stops the response clock and sets the next attempt by the cadence', async () => {
    await world.setPolicy({ responseTargetSeconds: { default: 10 }, cadence: { B: { attempts: 2, gapMinutes: 30 } } });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    const due = () =>
      listAttemptsDue(world.readModel.db, TENANT, 'ana', world.clock.now(), {
        limit: 10,
        offset: 0,
        overdueOnly: false,
      });
    expect((await due()).items).toEqual([
      expect.objectContaining({
        leadId: 'lead-1',
        attempts: 0,
        target: 2,
        nextAttemptDueAt: '2026-03-02T09:00:10.000Z',
      }),
    ]);

    await world.advance(3);
    const attempt = (outcome: 'no_answer' | 'reached') =>
      world.leadCommand(
        {
          type: 'RecordContactAttempt',
          leadId: 'lead-1',
          repId: 'ana',
          onBehalfOfOwner: false,
          channel: 'phone',
          outcome,
          note: null,
          now: world.clock.now(),
        },
        'ana',
      );
    await attempt('no_answer');
    await world.settle();
    expect((await due()).items).toEqual([
      expect.objectContaining({ attempts: 1, nextAttemptDueAt: '2026-03-02T09:30:03.000Z', overdue: false }),
    ]);
    // Past the response target (10 s) and the next attempt (30 min): no breach, one attempt overdue.
    await world.advance(30 * 60);
    expect(await world.types('lead-1')).not.toContain('LeadResponseSlaBreached');
    expect((await due()).items[0]?.overdue).toBe(true);

    await attempt('no_answer');
    await world.settle();
    expect((await due()).items).toEqual([]);
  }, 60_000);

  it('shotgun: a decline and a timeout each move the offer to the next rep, who accepts', async () => {
    await world.setPolicy({ method: 'shotgun', offerTimeoutSeconds: 30 });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    expect(await world.last<{ repId: string; round: number }>('lead-1', 'LeadOffered')).toMatchObject({
      repId: 'ana',
      round: 1,
    });
    const offers = await listNotifications(world.readModel.db, TENANT, ['ana'], { limit: 10, offset: 0 });
    expect(offers.items[0]?.kind).toBe('lead_offered');

    await world.leadCommand(
      { type: 'DeclineLeadOffer', leadId: 'lead-1', repId: 'ana', reason: 'busy', now: world.clock.now() },
      'ana',
    );
    await world.settle();
    expect(await world.last('lead-1', 'LeadOffered')).toMatchObject({ repId: 'bo', round: 2 });

    await world.advance(30);
    expect(await world.last('lead-1', 'LeadOfferExpired')).toMatchObject({ repId: 'bo' });
    expect(await world.last('lead-1', 'LeadOffered')).toMatchObject({ repId: 'cleo', round: 3 });

    await world.leadCommand(
      { type: 'AcceptLeadOffer', leadId: 'lead-1', repId: 'cleo', responseTargetSeconds: 300, now: world.clock.now() },
      'cleo',
    );
    await world.settle();
    expect(await world.last('lead-1', 'LeadAssigned')).toMatchObject({ repId: 'cleo', method: 'shotgun' });
    expect(await openLeadsOf(world.readModel.db, TENANT, 'cleo')).toBe(1);
  }, 60_000);

  it('recycles an idle lead to the pool after a warning, then archives it unclaimed', async () => {
    await world.setPolicy({
      responseTargetSeconds: { default: 3600 },
      recycle: { idleDays: 20 / 86_400, warnDaysBefore: 5 / 86_400, archiveAfterDays: 30 / 86_400 },
    });
    await world.run();
    await world.capture('lead-1');
    await world.settle();

    await world.advance(15);
    expect((await world.types('lead-1')).at(-1)).toBe('LeadRecycleWarning');
    await world.advance(5);
    expect(await world.last('lead-1', 'LeadRecycled')).toMatchObject({
      previousRepId: 'ana',
      reason: 'no progress for 20 seconds',
    });
    expect(await openLeadsOf(world.readModel.db, TENANT, 'ana')).toBe(0);

    await world.advance(30);
    expect((await world.types('lead-1')).at(-1)).toBe('LeadArchived');
  }, 60_000);

  it('shark tank notifies every eligible rep; manual leaves the lead for the sales managers', async () => {
    world.directory.add('cleo', { availability: { status: 'away', until: null } });
    await world.setPolicy({ method: 'shark_tank' });
    await world.run();
    await world.capture('lead-1');
    await world.settle();
    expect(await world.last('lead-1', 'LeadPooled')).toMatchObject({
      method: 'shark_tank',
      notifiedRepIds: ['ana', 'bo'],
    });
    for (const rep of ['ana', 'bo']) {
      const seen = await listNotifications(world.readModel.db, TENANT, [rep], { limit: 10, offset: 0 });
      expect(seen.items.map((n) => n.kind)).toEqual(['pooled_shark_tank']);
    }

    await world.setPolicy({ method: 'manual' });
    await world.capture('lead-2');
    await world.settle();
    expect(await world.types('lead-2')).toEqual(['LeadCaptured']);
    const managers = await listNotifications(world.readModel.db, TENANT, [SALES_MANAGERS], { limit: 10, offset: 0 });
    expect(managers.items).toEqual([expect.objectContaining({ leadId: 'lead-2', kind: 'needs_manual_assignment' })]);
  }, 60_000);
});
