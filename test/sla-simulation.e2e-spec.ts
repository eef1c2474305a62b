import { ManualClock } from '#ltc/clock';
import { eventLogSnapshot, type EventLogSnapshot } from './support/event-log.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually, okBody, type TestResponse } from './support/test-app.js';

/**
 * The SLA what-if over HTTP, the clock moved by hand: a P1 answered after its response target
 * (warned and breached by the timers), a P2 answered within its own, and a P2 that waited for the
 * customer (paused) before it was re-graded to P1 and answered; then the period replayed
 * without a proposal (it must reproduce the record exactly), under looser and tighter targets,
 * twice alike, with a broken proposal, by a caller without the role, and never writing.
 */

const T0 = '2026-03-02T09:00:00.000Z';
const MINUTE = 60_000;

/** The tenant's policy as PUT /sla-policies/default took it (service-world.ts), P1 and P2 targets replaced. */
function policyWith(p1ResponseMinutes: number, p2ResponseMinutes: number): Record<string, unknown> {
  return {
    name: 'Proposal',
    targets: {
      P1: { responseMinutes: p1ResponseMinutes, resolutionMinutes: 600 },
      P2: { responseMinutes: p2ResponseMinutes, resolutionMinutes: 1200 },
      P3: { responseMinutes: 30, resolutionMinutes: 1800 },
      P4: { responseMinutes: 40, resolutionMinutes: 2400 },
    },
    calendarId: null,
    pauseOn: ['customer', 'third_party'],
    warnAtPercent: 75,
    escalations: [{ on: 'breach', clock: 'any', action: 'notify_group_lead' }],
    ola: { byLine: { 1: 60, 2: 120, 3: 480 }, byKind: {} },
    independentVerification: true,
    reopenWindowDays: 7,
  };
}

interface Row {
  key: string;
  actual: number;
  simulated: number;
  difference: number;
}

/** A section's rows as `{ key: [actual, simulated] }`. */
function figures(body: Record<string, unknown>, name: string): Record<string, [number, number]> {
  const sections = body['sections'] as { name: string; rows: Row[] }[];
  const section = sections.find((s) => s.name === name);
  if (section === undefined) throw new Error(`no section ${name} in ${JSON.stringify(body)}`);
  return Object.fromEntries(section.rows.map((row) => [row.key, [row.actual, row.simulated]]));
}

describe('SLA what-if over HTTP', () => {
  let w: ServiceWorld;
  let clock: ManualClock;
  let manager: string;
  let period: { from: string; to: string };

  const simulate = (token: string, extra: Record<string, unknown> = {}): Promise<TestResponse> =>
    w.post(token, '/simulations', { kind: 'sla', ...period, ...extra });

  /** The log as it stands once the process managers and timers have nothing more to write. */
  async function settledLog(): Promise<EventLogSnapshot> {
    return eventually(async () => {
      const before = await eventLogSnapshot(w.sales.app);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await eventLogSnapshot(w.sales.app);
      return before.count === after.count ? after : undefined;
    }, 10_000);
  }

  beforeAll(async () => {
    clock = new ManualClock(T0);
    w = await ServiceWorld.start(clock);
    await w.policy();
    manager = w.sam;

    const late = await w.ticket({ priority: 'P1' });
    const onTime = await w.ticket({ priority: 'P2' });
    // Waits for the customer from the start (the policy pauses on it), then is re-graded to P1 and answered.
    const waited = await w.ticket({ priority: 'P2' });
    await w.ok(w.ali, `/tickets/${waited}/wait`, { reason: 'customer', note: 'Asked for the unit serials' });
    await w.armed(late, 'response', ['warn', 'breach']);
    // 11 minutes: the P1's 10-minute response target is gone (warned at 7.5); the P2 has 20.
    clock.advance(11 * MINUTE);
    await w.waitFor(late, 'TicketSlaBreached');
    await w.waitFor(late, 'TicketGroupLeadNotified', 2);
    await w.ok(w.ali, `/tickets/${waited}/resume`);
    await w.ok(w.ali, `/tickets/${waited}/grade`, { priority: 'P1', reason: 'Whole fleet affected' });
    for (const ticketId of [late, onTime, waited]) {
      await w.ok(w.ali, `/tickets/${ticketId}/respond`, { message: 'We are on it.' });
      await w.ok(w.ali, `/tickets/${ticketId}/resolve`, { resolution: 'Modems restarted' });
    }
    clock.advance(MINUTE);
    period = { from: new Date(Date.parse(T0) - 60 * MINUTE).toISOString(), to: clock.now().toISOString() };
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('without a proposal, replays under the recorded snapshots and reproduces every recorded figure', async () => {
    const body = okBody('/simulations', await simulate(manager));
    expect(body).toMatchObject({ kind: 'sla', policy: 'recorded', scope: null, period });
    expect(figures(body, 'tickets_per_priority')).toEqual({
      P1: [2, 2],
      P2: [1, 1],
      P3: [0, 0],
      P4: [0, 0],
      all: [3, 3],
    });
    expect(figures(body, 'response_breaches_per_priority')).toEqual({
      P1: [1, 1],
      P2: [0, 0],
      P3: [0, 0],
      P4: [0, 0],
      all: [1, 1],
    });
    expect(figures(body, 'resolution_breaches_per_priority')).toMatchObject({ all: [0, 0] });
    expect(figures(body, 'warnings_per_priority')).toMatchObject({ P1: [1, 1], all: [1, 1] });
    expect(figures(body, 'within_target_share_per_priority')).toEqual({
      P1: [50, 50],
      P2: [100, 100],
      all: [66.7, 66.7],
    });
    const sections = body['sections'] as { rows: Row[] }[];
    for (const row of sections.flatMap((section) => section.rows)) {
      expect(row.simulated).toBe(row.actual);
      expect(row.difference).toBe(0);
    }
    expect((body['assumptions'] as string[]).length).toBeGreaterThan(0);
  });

  it('a much looser policy breaches less; a tighter one breaches more', async () => {
    const looser = okBody('/simulations', await simulate(manager, { policy: policyWith(60, 120) }));
    expect(looser['policy']).toBe('proposed');
    expect(figures(looser, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 0], all: [1, 0] });
    expect(figures(looser, 'warnings_per_priority')).toMatchObject({ all: [1, 0] });
    expect(figures(looser, 'within_target_share_per_priority')).toMatchObject({ all: [66.7, 100] });

    // Answered after 11 minutes: a 5-minute target breaches both; the paused one had used none of it.
    const tighter = okBody('/simulations', await simulate(manager, { policy: policyWith(5, 5) }));
    expect(figures(tighter, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 1], P2: [0, 1], all: [1, 2] });
    expect(figures(tighter, 'within_target_share_per_priority')).toMatchObject({ all: [66.7, 33.3] });
  });

  it('a policy that does not pause on the customer lets the waiting ticket breach', async () => {
    const body = okBody('/simulations', await simulate(manager, { policy: { ...policyWith(10, 20), pauseOn: [] } }));
    expect(figures(body, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 2], all: [1, 2] });
  });

  it('the same request twice gives the same answer, and simulations write nothing', async () => {
    const before = await settledLog();
    const first = await simulate(manager, { policy: policyWith(5, 5) });
    const second = await simulate(manager, { policy: policyWith(5, 5) });
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await simulate(await w.sales.app.token(['auditor'], 'audrey'))).toMatchObject({ status: 200 });
    expect(await eventLogSnapshot(w.sales.app)).toEqual(before);
  });

  it('a broken proposal is refused naming the field inside the policy', async () => {
    const tooLate = await simulate(manager, { policy: { ...policyWith(5, 5), warnAtPercent: 150 } });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.errors).toEqual([expect.objectContaining({ field: 'policy.warnAtPercent' })]);
    const noTarget = policyWith(5, 5);
    noTarget['targets'] = { P1: { responseMinutes: 5, resolutionMinutes: 600 } };
    const missing = await simulate(manager, { policy: noTarget });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'policy.targets.P2',
      'policy.targets.P3',
      'policy.targets.P4',
    ]);
    const unknownCalendar = await simulate(manager, { policy: { ...policyWith(5, 5), calendarId: 'nowhere' } });
    expect(unknownCalendar.status).toBe(400);
    expect(unknownCalendar.body.errors).toEqual([expect.objectContaining({ field: 'policy.calendarId' })]);
    // Held to the policy route's own DTO too: nested unknown fields and its lengths.
    const stray = policyWith(5, 5);
    stray['ola'] = { ...(stray['ola'] as object), byMood: {} };
    const nested = await simulate(manager, { policy: stray });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'policy.ola.byMood', rule: 'unknownField' })]);
    const longName = await simulate(manager, { policy: { ...policyWith(5, 5), name: 'x'.repeat(101) } });
    expect(longName.status).toBe(400);
    expect(longName.body.errors).toEqual([expect.objectContaining({ field: 'policy.name' })]);
  });

  it('is for service managers and auditors: an agent or a sales manager gets 403', async () => {
    expect((await simulate(w.ali)).status).toBe(403);
    expect((await simulate(await w.sales.app.token(['sales_manager'], 'maria'))).status).toBe(403);
  });

  it('lists itself among the kinds, scoped by an SLA policy id', async () => {
    const kinds = await w.sales.app.request('GET', '/simulations', { token: manager });
    expect(kinds.status).toBe(200);
    expect(kinds.body).toContainEqual(expect.objectContaining({ kind: 'sla', roles: ['service_manager', 'auditor'] }));
    const scoped = okBody('/simulations', await simulate(manager, { scope: 'gold' }));
    expect(figures(scoped, 'tickets_per_priority')).toMatchObject({ all: [0, 0] });
  });
});
