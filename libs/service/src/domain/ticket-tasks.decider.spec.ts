import { NotFoundError } from '#ltc/kernel';
import { ALWAYS } from './clock/business-calendar.js';
import { BERLIN_OFFICE, MINUTE, after, at, given, opened, play, timer } from '../../test/ticket-decider.support.js';
import type { BusinessCalendar } from './clock/business-calendar.js';
import type { OpenTask } from './ticket.commands.js';

const openTask = (taskId: string, kind = 'analysis', line: 1 | 2 | 3 = 2, calendar: BusinessCalendar = ALWAYS) =>
  at<OpenTask>(0, {
    type: 'OpenTask',
    taskId,
    title: 'Analyse the modem logs',
    kind,
    line,
    owner: { group: 'experts', engineer: null },
    calendar,
  });
const complete = (ms: number, taskId = 't1') => at(ms, { type: 'CompleteTask', taskId, note: null });
const overdue = (ms: number, taskId = 't1') => at(ms, { type: 'FlagTaskOverdue', taskId, groupLead: 'eric' }, timer);

describe('Ticket › OLA tasks', () => {
  it('opens a task with its line target, or its kind target, due on the owning group calendar', () => {
    expect(given(opened()).when(openTask('t1')).thenEmitsOne('TicketTaskOpened')).toMatchObject({
      targetMs: 120 * MINUTE,
      dueAt: after(120 * MINUTE).toISOString(),
      owner: { group: 'experts', engineer: null },
    });
    expect(given(opened()).when(openTask('t2', 'spare_part')).thenEmitsOne('TicketTaskOpened')).toMatchObject({
      targetMs: 240 * MINUTE,
    });
    // Monday 10:00 Berlin + 8 business hours on 09:00–18:00 → 18:00 that evening (17:00Z): the hour it is used up.
    const line3 = given(opened())
      .when(openTask('t3', 'fix', 3, BERLIN_OFFICE))
      .thenEmitsOne('TicketTaskOpened');
    expect(line3.dueAt).toBe('2026-03-02T17:00:00.000Z');
  });

  it('refuses a task id used before and a task without an owner', () => {
    given(play(opened(), openTask('t1')))
      .when(openTask('t1'))
      .thenFails('TASK_ALREADY_EXISTS');
    given(opened())
      .when({ ...openTask('t9'), owner: { group: null, engineer: null } })
      .thenFails({ rule: 'ownerRequired' });
  });

  it('completes on time or late, once; an unknown task is a 404', () => {
    const withTask = play(opened(), openTask('t1'));
    expect(
      given(withTask)
        .when(complete(119 * MINUTE))
        .thenEmitsOne('TicketTaskCompleted'),
    ).toMatchObject({ onTime: true });
    expect(
      given(withTask)
        .when(complete(121 * MINUTE))
        .thenEmitsOne('TicketTaskCompleted'),
    ).toMatchObject({ onTime: false });
    given(play(withTask, complete(MINUTE)))
      .when(complete(2 * MINUTE))
      .thenFails('TASK_ALREADY_DONE');
    given(withTask).when(complete(MINUTE, 'nope')).thenFails(NotFoundError);
  });

  it('flags an open task overdue at its due instant and tells the group lead, once', () => {
    const withTask = play(opened(), openTask('t1'));
    given(withTask)
      .when(overdue(119 * MINUTE))
      .thenNothing();
    const events = given(withTask).when(overdue(125 * MINUTE)).events;
    expect(events).toEqual([
      {
        type: 'TicketTaskOverdue',
        data: {
          ticketId: 'tk-1',
          taskId: 't1',
          dueAt: after(120 * MINUTE).toISOString(),
          at: after(125 * MINUTE).toISOString(),
        },
      },
      {
        type: 'TicketGroupLeadNotified',
        data: {
          ticketId: 'tk-1',
          group: 'experts',
          groupLead: 'eric',
          cause: 'task_overdue',
          clock: null,
          taskId: 't1',
          at: after(125 * MINUTE).toISOString(),
        },
      },
    ]);
    given(play(withTask, overdue(125 * MINUTE)))
      .when(overdue(126 * MINUTE))
      .thenNothing();
    given(play(withTask, complete(MINUTE)))
      .when(overdue(125 * MINUTE))
      .thenNothing();
  });
});
