import { ManualClock } from '#ltc/clock';
import { ServiceWorld } from './support/service-world.js';
import { eventually } from './support/test-app.js';

/**
 * Issue to Resolution over HTTP on the embedded store, the clock moved by hand: SLA clocks that
 * warn and breach at the planned instant and escalate; a wait for the customer that pauses them;
 * a re-grade that keeps the time used and the pause history; line 1 → 2 → 3 and back; an OLA
 * task gone overdue; resolve, verify, close, call back, reopen, and a follow-up ticket past the
 * reopen window; a lead raised from a ticket, linked on both sides and routed like any other.
 */

const T0 = '2026-03-02T09:00:00.000Z';
const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe('Issue to Resolution over HTTP', () => {
  let w: ServiceWorld;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock(T0);
    w = await ServiceWorld.start(clock);
    await w.policy();
    await w.sales.rep('ana');
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('a P1 response clock warns at 75 % and breaches at 100 %, stamped with the planned instants, and escalates', async () => {
    const start = clock.now().getTime() - Date.parse(T0);
    const ticketId = await w.ticket({ priority: 'P1' });
    const planned = await w.plan(ticketId, 'response');
    expect(planned).toMatchObject({ state: 'running', elapsedMs: 0, targetMs: 10 * MINUTE });
    expect(planned['warnAt']).toBe(at(start + 7.5 * MINUTE));
    expect(planned['breachAt']).toBe(at(start + 10 * MINUTE));
    await w.armed(ticketId, 'response', ['warn', 'breach']);

    clock.advance(7.5 * MINUTE + 1_000);
    const warned = await w.waitFor(ticketId, 'TicketSlaWarned');
    expect(warned).toMatchObject({ clock: 'response', dueAt: planned['warnAt'] });
    expect(await w.waitFor(ticketId, 'TicketGroupLeadNotified')).toMatchObject({
      groupLead: 'lena',
      cause: 'sla_warning',
      clock: 'response',
    });
    expect(await w.all(ticketId, 'TicketSlaBreached')).toEqual([]);

    clock.advance(3 * MINUTE);
    const breached = await w.waitFor(ticketId, 'TicketSlaBreached');
    expect(breached).toMatchObject({ clock: 'response', dueAt: planned['breachAt'] });
    await w.waitFor(ticketId, 'TicketGroupLeadNotified', 2);

    // The queue of line 1 shows it breached; answering now is recorded late.
    const responded = await w.ok(w.ali, `/tickets/${ticketId}/respond`, { message: 'We are on it.' });
    expect(responded).toBeDefined();
    expect((await w.all(ticketId, 'TicketResponded'))[0]).toMatchObject({ withinTarget: false });
    const detail = await w.detail(w.lena, ticketId);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toContain('"breached":true');
  });

  it('a wait for the customer pauses both clocks: no breach during it, the right time left after it', async () => {
    const ticketId = await w.ticket({ priority: 'P2' });
    await w.armed(ticketId, 'response', ['warn', 'breach']);
    clock.advance(5 * MINUTE);
    await w.ok(w.ali, `/tickets/${ticketId}/wait`, { reason: 'customer', note: 'Asked for the unit serials' });
    const paused = await w.plan(ticketId, 'response');
    expect(paused).toMatchObject({ state: 'paused', elapsedMs: 5 * MINUTE, warnAt: null, breachAt: null });

    // Far past the 20-minute response target while paused: nothing breaches.
    clock.advance(60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await w.all(ticketId, 'TicketSlaBreached')).toEqual([]);
    expect(await w.all(ticketId, 'TicketSlaWarned')).toEqual([]);

    await w.ok(w.ali, `/tickets/${ticketId}/resume`);
    const resumed = await w.plan(ticketId, 'response');
    const now = clock.now().getTime();
    expect(resumed).toMatchObject({ state: 'running', elapsedMs: 5 * MINUTE });
    expect(resumed['breachAt']).toBe(new Date(now + 15 * MINUTE).toISOString());
    expect(resumed['warnAt']).toBe(new Date(now + 10 * MINUTE).toISOString());

    // Re-graded to P1 mid-flight: the 5 minutes used and the pause stay; the new target is 10 minutes.
    clock.advance(2 * MINUTE);
    await w.ok(w.ali, `/tickets/${ticketId}/grade`, { priority: 'P1', reason: 'Whole fleet affected' });
    const regraded = await w.plan(ticketId, 'response');
    expect(regraded).toMatchObject({ state: 'running', elapsedMs: 7 * MINUTE, targetMs: 10 * MINUTE });
    expect(regraded['breachAt']).toBe(new Date(clock.now().getTime() + 3 * MINUTE).toISOString());
    const detail = await w.detail(w.ali, ticketId);
    expect(detail.status).toBe(200);
    const text = JSON.stringify(detail.body);
    expect(text).toContain('"reason":"customer"');
    expect(text).toContain('"priority":"P1"');
    // Registered with the customer's context: their earlier tickets are on the detail.
    const history = await eventually(async () => {
      const read = await w.detail(w.ali, ticketId);
      const past = (read.body?.customerHistory ?? []) as { id: string }[];
      return past.length > 0 ? past : undefined;
    });
    expect(history.map((t) => t.id)).not.toContain(ticketId);
  });

  it('escalates line 1 → 2 → 3 and back down, each with its reason', async () => {
    const ticketId = await w.ticket({ priority: 'P3' });
    await w.ok(w.ali, `/tickets/${ticketId}/escalate`, { toLine: 2, reason: 'Firmware fault', group: 'experts' });
    await w.ok(w.eric, `/tickets/${ticketId}/escalate`, { toLine: 3, reason: 'Needs a code fix', group: 'rnd' });
    const wrongWay = await w.post(w.rita, `/tickets/${ticketId}/escalate`, { toLine: 2, reason: 'down?' });
    expect({ status: wrongWay.status, code: wrongWay.body?.code }).toEqual({
      status: 409,
      code: 'ESCALATION_NOT_UPWARD',
    });
    await w.ok(w.rita, `/tickets/${ticketId}/de-escalate`, { toLine: 2, reason: 'Patch shipped', group: 'experts' });
    await w.ok(w.eric, `/tickets/${ticketId}/de-escalate`, { toLine: 1, reason: 'Roll-out', group: 'hotline' });
    const moves = (await w.events(ticketId))
      .filter((e) => e.type === 'TicketEscalated' || e.type === 'TicketDeEscalated')
      .map((e) => [e.data['fromLine'], e.data['toLine']]);
    expect(moves).toEqual([
      [1, 2],
      [2, 3],
      [3, 2],
      [2, 1],
    ]);
    const queue = await w.sales.app.request('GET', '/queues/1', { token: w.lena });
    expect(queue.status).toBe(200);
  });

  it('an OLA task past its due instant is flagged overdue and its group lead told', async () => {
    const ticketId = await w.ticket({ priority: 'P3' });
    const opened = await w.ok(w.ali, `/tickets/${ticketId}/tasks`, {
      title: 'Analyse the modem logs',
      kind: 'analysis',
      line: 2,
      group: 'experts',
    });
    const taskId = String(opened['taskId']);
    const task = await w.waitFor(ticketId, 'TicketTaskOpened');
    expect(task).toMatchObject({ taskId, targetMs: 120 * MINUTE });
    await w.sales.timerScheduled(`ola-${ticketId}-${taskId}`);
    clock.advance(121 * MINUTE);
    expect(await w.waitFor(ticketId, 'TicketTaskOverdue')).toMatchObject({ taskId, dueAt: task['dueAt'] });
    await eventually(async () =>
      (await w.all(ticketId, 'TicketGroupLeadNotified')).some(
        (n) => n['cause'] === 'task_overdue' && n['groupLead'] === 'eric',
      )
        ? true
        : undefined,
    );
    await w.ok(w.eric, `/tickets/${ticketId}/tasks/${taskId}/complete`, { note: 'Antenna cable' });
    expect((await w.all(ticketId, 'TicketTaskCompleted'))[0]).toMatchObject({ taskId, onTime: false });
  });

  it('resolves under an approved plan, is verified by someone else, closes, is called back and reopens', async () => {
    const ticketId = await w.ticket({ priority: 'P2' });
    await w.ok(w.ali, `/tickets/${ticketId}/respond`, { message: 'Looking into it' });
    await w.ok(w.ali, `/tickets/${ticketId}/plan`, { summary: 'Replace antennas', steps: ['Ship parts', 'Swap'] });
    const early = await w.post(w.ali, `/tickets/${ticketId}/resolve`, { resolution: 'Swapped' });
    expect(early.status).toBe(409);
    await w.ok(w.lena, `/tickets/${ticketId}/plan/assess`, { decision: 'approved' });
    await w.ok(w.ali, `/tickets/${ticketId}/plan/implemented`, { note: 'All twelve swapped' });
    await w.ok(w.ali, `/tickets/${ticketId}/resolve`, { resolution: 'Antennas replaced' });
    const selfCheck = await w.post(w.ali, `/tickets/${ticketId}/verify`, {
      rootCause: 'Water ingress',
      preventiveAction: 'Sealed housings',
      noNewProblems: true,
    });
    expect({ status: selfCheck.status, code: selfCheck.body?.code }).toEqual({
      status: 409,
      code: 'VERIFIER_IS_RESOLVER',
    });
    await w.ok(w.lena, `/tickets/${ticketId}/verify`, {
      rootCause: 'Water ingress',
      preventiveAction: 'Sealed housings',
      noNewProblems: true,
    });
    await w.ok(w.lena, `/tickets/${ticketId}/close`);
    await w.ok(w.lena, `/tickets/${ticketId}/callback`, { satisfaction: 4, comment: 'Quick, thanks' });
    const twice = await w.post(w.lena, `/tickets/${ticketId}/callback`, { satisfaction: 5 });
    expect(twice.status).toBe(409);
    const badScore = await w.post(w.lena, `/tickets/${ticketId}/callback`, { satisfaction: 6 });
    expect(badScore.status).toBe(400);

    clock.advance(2 * 86_400_000);
    await w.ok(w.ali, `/tickets/${ticketId}/reopen`, { reason: 'Two units offline again' });
    expect(await w.plan(ticketId, 'resolution')).toMatchObject({ state: 'running' });
    await w.ok(w.ali, `/tickets/${ticketId}/resolve`, { resolution: 'Reseated' });
    await w.ok(w.lena, `/tickets/${ticketId}/verify`, {
      rootCause: 'Loose',
      preventiveAction: 'Torque',
      noNewProblems: true,
    });
    await w.ok(w.lena, `/tickets/${ticketId}/close`);

    // Past the 7-day window, reopening opens a new ticket that continues this one, linked both ways.
    clock.advance(8 * 86_400_000);
    const followUp = await w.post(w.ali, `/tickets/${ticketId}/reopen`, { reason: 'Offline once more' });
    expect(followUp.status).toBe(201);
    const followUpId = String(followUp.body['id'] ?? followUp.body['ticketId']);
    expect(followUpId).not.toBe(ticketId);
    expect((await w.all(followUpId, 'TicketAccepted'))[0]).toMatchObject({ followUpOf: ticketId });
    expect(await w.waitFor(ticketId, 'TicketFollowUpOpened')).toMatchObject({ followUpTicketId: followUpId });
  });

  it('a sales need found in service becomes a lead with source service, linked on both sides and routed', async () => {
    const ticketId = await w.ticket({ priority: 'P4' });
    const spawned = await w.ok(w.ali, `/tickets/${ticketId}/spawn-lead`, {
      name: 'Fleet expansion',
      company: 'Nordfrakt AB',
      contactPerson: 'Nils Berg',
      email: 'nils.berg@nordfrakt.example',
      notes: 'Wants 40 more units for the new depot',
    });
    const leadId = String(spawned['leadId']);
    const captured = await w.sales.waitFor(leadId, 'LeadCaptured');
    expect(captured.data).toMatchObject({ source: 'service', raisedFromTicket: ticketId });
    expect(await w.waitFor(ticketId, 'TicketLeadSpawned')).toMatchObject({ leadId });
    expect((await w.sales.waitFor(leadId, 'LeadAssigned')).data.repId).toBe('ana');
    const lead = await w.sales.app.request('GET', `/leads/${leadId}`, { token: w.sales.manager });
    expect(lead.body).toMatchObject({ raisedFromTicket: ticketId });
    const detail = await eventually(async () => {
      const read = await w.detail(w.ali, ticketId);
      return JSON.stringify(read.body).includes(leadId) ? read : undefined;
    });
    expect(detail.status).toBe(200);
  });

  it('a resolution breach escalates by the policy to the next line’s group, whose agents see it in their queue', async () => {
    const ticketId = await w.ticket({ priority: 'P1' });
    await w.ok(w.ali, `/tickets/${ticketId}/respond`, { message: 'Looking into it' });
    await w.armed(ticketId, 'resolution', ['breach']);
    clock.advance(601 * MINUTE);
    await w.waitFor(ticketId, 'TicketSlaBreached');
    expect(await w.waitFor(ticketId, 'TicketEscalated')).toMatchObject({
      fromLine: 1,
      toLine: 2,
      automatic: true,
      owner: { group: 'experts', engineer: null },
    });
    const queue = await eventually(async () => {
      const read = await w.sales.app.request('GET', '/queues/2', { token: w.eric });
      const ids = ((read.body?.items ?? []) as { id: string }[]).map((item) => item.id);
      return ids.includes(ticketId) ? ids : undefined;
    });
    expect(queue).toContain(ticketId);
  });
});
