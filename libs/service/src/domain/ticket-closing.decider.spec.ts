import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import {
  HOUR,
  MINUTE,
  POLICY,
  accept,
  after,
  at,
  given,
  lastPlan,
  lena,
  opened,
  play,
} from '../../test/ticket-decider.support.js';
import type { TicketCommand } from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';

const DAY = 24 * HOUR;
const resolve = (ms: number, actor = undefined as typeof lena | undefined) =>
  at(ms, { type: 'ResolveTicket', resolution: 'Antennas replaced' }, actor);
const verify = (ms: number, noNewProblems = true, actor = lena) =>
  at(
    ms,
    {
      type: 'VerifyTicket',
      rootCause: 'Water ingress',
      preventiveAction: 'Sealed housings',
      noNewProblems,
      note: null,
    },
    actor,
  );
const close = (ms: number) => at(ms, { type: 'CloseTicket', note: null }, lena);
const callback = (ms: number, satisfaction: number) =>
  at(ms, { type: 'RecordCallback', satisfaction, comment: 'thanks' }, lena);
const reopen = (ms: number) => at(ms, { type: 'ReopenTicket', reason: 'Offline again' });
const responded = (): TicketEvent[] => play(opened(), at(MINUTE, { type: 'RespondToTicket', message: 'On it' }));
const closed = (): TicketEvent[] => play(responded(), resolve(HOUR), verify(2 * HOUR), close(3 * HOUR));

describe('Ticket › resolve', () => {
  it('stops the resolution clock, on time or late', () => {
    const events = given(responded()).when(resolve(HOUR)).events;
    expect(events.map((e) => e.type)).toEqual(['TicketResolved', 'TicketSlaPlanned']);
    expect(events[0]?.data).toMatchObject({ elapsedMs: HOUR, withinTarget: true });
    expect(lastPlan(events, 'resolution')).toMatchObject({ state: 'stopped', breachAt: null });
    expect(given(responded()).when(resolve(11 * HOUR)).events[0]?.data).toMatchObject({ withinTarget: false });
  });

  it('a ticket never answered gets its first response with the resolution; a waiting one stops waiting', () => {
    const events = given(opened()).when(resolve(5 * MINUTE)).events;
    expect(events.map((e) => e.type)).toEqual([
      'TicketResponded',
      'TicketSlaPlanned',
      'TicketResolved',
      'TicketSlaPlanned',
    ]);
    const waiting = play(responded(), at(2 * MINUTE, { type: 'StartWaiting', reason: 'customer', note: null }));
    const fromWait = given(waiting).when(resolve(HOUR)).events;
    expect(fromWait[0]?.type).toBe('TicketWaitEnded');
    // The pause from minute 2 to hour 1 does not count.
    expect(fromWait.find((e) => e.type === 'TicketResolved')?.data).toMatchObject({ elapsedMs: 2 * MINUTE });
  });

  it('waits for the plan: one pending or approved and not implemented is a 409', () => {
    const proposed = play(
      responded(),
      at(2 * MINUTE, { type: 'ProposeResolutionPlan', planId: 'p1', summary: 'Swap', steps: [] }),
    );
    given(proposed).when(resolve(HOUR)).thenFails('PLAN_PENDING');
    const approved = play(
      proposed,
      at(3 * MINUTE, { type: 'AssessResolutionPlan', decision: 'approved', note: null }, lena),
    );
    given(approved).when(resolve(HOUR)).thenFails('PLAN_NOT_IMPLEMENTED');
    const done = play(approved, at(4 * MINUTE, { type: 'MarkPlanImplemented', note: null }));
    expect(given(done).when(resolve(HOUR)).events[0]?.type).toBe('TicketResolved');
  });
});

describe('Ticket › resolve with internal tasks', () => {
  it('waits for every open task; a done one does not hold it back', () => {
    const withTask = play(
      responded(),
      at(2 * MINUTE, {
        type: 'OpenTask',
        taskId: 't1',
        title: 'Logs',
        kind: 'analysis',
        line: 2,
        owner: { group: 'experts', engineer: null },
        calendar: POLICY.calendar,
      }),
    );
    const refused = given(withTask).when(resolve(HOUR)).thenFails('TASKS_OPEN');
    expect(refused).toMatchObject({ details: { taskIds: ['t1'] } });
    const done = play(withTask, at(3 * MINUTE, { type: 'CompleteTask', taskId: 't1', note: null }));
    expect(given(done).when(resolve(HOUR)).events[0]?.type).toBe('TicketResolved');
  });
});

describe('Ticket › verify, close, callback', () => {
  it('is verified by someone other than the resolver when the policy says so', () => {
    const resolvedByAli = play(responded(), resolve(HOUR));
    given(resolvedByAli)
      .when(verify(2 * HOUR, true, { id: 'ali', roles: [] }))
      .thenFails('VERIFIER_IS_RESOLVER');
    expect(
      given(resolvedByAli)
        .when(verify(2 * HOUR))
        .thenEmitsOne('TicketVerified'),
    ).toMatchObject({ passed: true });
    const lenient = play(historyWith({ ...POLICY, independentVerification: false }), resolve(HOUR));
    given(lenient)
      .when(verify(2 * HOUR, true, { id: 'ali', roles: [] }))
      .thenEmitsOne('TicketVerified');
  });

  it('a failed check puts the ticket back to work, the resolution clock running on from the time used', () => {
    const events = given(play(responded(), resolve(HOUR))).when(verify(5 * HOUR, false)).events;
    expect(events[0]?.data).toMatchObject({ passed: false, noNewProblems: false });
    expect(lastPlan(events, 'resolution')).toMatchObject({
      state: 'running',
      elapsedMs: HOUR,
      breachAt: after(5 * HOUR + 9 * HOUR).toISOString(),
    });
  });

  it('closes only a verified ticket, once; calls back once, 1 to 5', () => {
    given(responded()).when(close(HOUR)).thenFails('TICKET_NOT_RESOLVED');
    given(play(responded(), resolve(HOUR)))
      .when(close(2 * HOUR))
      .thenFails('TICKET_NOT_VERIFIED');
    given(closed())
      .when(close(4 * HOUR))
      .thenNothing();
    given(responded()).when(callback(HOUR, 4)).thenFails('TICKET_NOT_CLOSED');
    expect(
      given(closed())
        .when(callback(4 * HOUR, 4))
        .thenEmitsOne('TicketCallbackRecorded'),
    ).toMatchObject({ satisfaction: 4 });
    given(play(closed(), callback(4 * HOUR, 4)))
      .when(callback(5 * HOUR, 5))
      .thenFails('CALLBACK_ALREADY_RECORDED');
    given(closed())
      .when(callback(4 * HOUR, 6))
      .thenFails(InvalidInputError, { field: 'satisfaction', rule: 'range' });
    given(closed())
      .when(callback(4 * HOUR, 2.5))
      .thenFails({ field: 'satisfaction' });
  });
});

describe('Ticket › reopen', () => {
  it('reopens within the window, the resolution clock running on; a new callback can follow the next closing', () => {
    const events = given(play(closed(), callback(4 * HOUR, 3))).when(reopen(3 * HOUR + 6 * DAY)).events;
    expect(events[0]).toMatchObject({ type: 'TicketReopened', data: { reason: 'Offline again' } });
    expect(lastPlan(events, 'resolution')).toMatchObject({ state: 'running', elapsedMs: HOUR });
    const again = play(
      closed(),
      callback(4 * HOUR, 3),
      reopen(DAY),
      resolve(DAY + HOUR),
      verify(DAY + 2 * HOUR),
      close(DAY + 3 * HOUR),
    );
    given(again)
      .when(callback(DAY + 4 * HOUR, 5))
      .thenEmitsOne('TicketCallbackRecorded');
  });

  it('past the window it is a 409 naming when the window ended; a ticket in work cannot be reopened', () => {
    const error = given(closed())
      .when(reopen(3 * HOUR + 7 * DAY + 1))
      .thenFails('REOPEN_WINDOW_PASSED');
    expect(error).toMatchObject({ details: { reopenWindowDays: 7 } });
    given(responded()).when(reopen(HOUR)).thenFails('TICKET_NOT_RESOLVED');
  });

  it('commands that work a ticket refuse a closed one', () => {
    given(closed())
      .when(at(4 * HOUR, { type: 'RecordProgress', note: 'x', visibility: 'internal' }))
      .thenFails('TICKET_CLOSED');
    given(closed())
      .when(at(4 * HOUR, { type: 'ResumeTicket' }))
      .thenFails('TICKET_CLOSED');
  });
});

describe('Ticket › links and requirements', () => {
  it('links a spawned lead and a follow-up ticket once each', () => {
    const link = at(HOUR, { type: 'LinkSpawnedLead', leadId: 'lead-9' });
    expect(given(opened()).when(link).thenEmitsOne('TicketLeadSpawned')).toMatchObject({ leadId: 'lead-9', by: 'ali' });
    given(play(opened(), link)).when(link).thenNothing();
    const follow = at(HOUR, { type: 'LinkFollowUpTicket', followUpTicketId: 'tk-2' });
    expect(given(closed()).when(follow).thenEmitsOne('TicketFollowUpOpened')).toMatchObject({
      followUpTicketId: 'tk-2',
    });
    given(play(closed(), follow)).when(follow).thenNothing();
    given([]).when(link).thenFails(NotFoundError);
  });

  it('raises a product requirement with the customer and product, once per id', () => {
    const raise = at(HOUR, {
      type: 'RaiseProductRequirement',
      requirementId: 'req-1',
      title: 'Sealed housing',
      description: 'Water gets in',
      product: null,
    });
    expect(given(closed()).when(raise).thenEmitsOne('ProductRequirementRaised')).toMatchObject({
      product: 'TLM-100',
      customerAccount: 'Nordfrakt AB',
    });
    given(play(opened(), raise)).when(raise).thenFails('REQUIREMENT_ALREADY_EXISTS');
  });
});

function historyWith(policy: typeof POLICY): TicketEvent[] {
  const commands: TicketCommand[] = [accept({ policy }), at(MINUTE, { type: 'RespondToTicket', message: 'On it' })];
  return play([], ...commands);
}
