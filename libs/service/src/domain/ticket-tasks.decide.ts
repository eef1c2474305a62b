import { DomainError, NotFoundError } from '#ltc/kernel';
import { addBusinessMs } from './clock/business-time.js';
import { olaTargetMs } from './sla-clock.js';
import { attributed, existing, freshId, iso, optional, owner, required, unclosed } from './ticket-guards.js';
import type { CompleteTask, FlagTaskOverdue, OpenTask } from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';
import type { TaskState, TicketState } from './ticket.state.js';

/**
 * An internal task under the OLA: its target from the ticket's policy (by kind, else by line), due
 * that much business time from now on the owning group's calendar.
 */
export function decideOpenTask(command: OpenTask, state: TicketState): TicketEvent[] {
  const ticket = unclosed(state, command.ticketId);
  const taskId = freshId(
    ticket.tasks.map((task) => task.taskId),
    command.taskId,
    'TASK_ALREADY_EXISTS',
    'taskId',
  );
  const kind = required(command.kind, 'kind');
  const targetMs = olaTargetMs(ticket.policy, kind, command.line);
  return [
    {
      type: 'TicketTaskOpened',
      data: {
        ...attributed(ticket, command),
        taskId,
        title: required(command.title, 'title'),
        kind,
        line: command.line,
        owner: owner(command.owner),
        targetMs,
        dueAt: iso(addBusinessMs(command.calendar, command.now, targetMs)),
      },
    },
  ];
}

function taskOf(tasks: readonly TaskState[], taskId: string): TaskState {
  const task = tasks.find((t) => t.taskId === taskId);
  if (task === undefined) throw new NotFoundError('Task', taskId);
  return task;
}

/** Done, on time when before its due instant. */
export function decideCompleteTask(command: CompleteTask, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  const task = taskOf(ticket.tasks, command.taskId);
  if (task.status === 'done') throw new DomainError('TASK_ALREADY_DONE', `Task ${command.taskId} is done already`);
  return [
    {
      type: 'TicketTaskCompleted',
      data: {
        ...attributed(ticket, command),
        taskId: task.taskId,
        onTime: command.now.getTime() <= Date.parse(task.dueAt),
        note: optional(command.note),
      },
    },
  ];
}

/**
 * From the task's timer: an open task past its due instant is overdue, and its group lead is
 * told in the same append. A task done meanwhile, or flagged before, decides nothing.
 */
export function decideTaskOverdue(command: FlagTaskOverdue, state: TicketState): TicketEvent[] {
  if (state.status === 'none') return [];
  const task = state.tasks.find((t) => t.taskId === command.taskId);
  if (task === undefined || task.status === 'done' || task.overdue) return [];
  if (command.now.getTime() < Date.parse(task.dueAt)) return [];
  const at = iso(command.now);
  return [
    { type: 'TicketTaskOverdue', data: { ticketId: state.ticketId, taskId: task.taskId, dueAt: task.dueAt, at } },
    {
      type: 'TicketGroupLeadNotified',
      data: {
        ticketId: state.ticketId,
        group: task.owner.group,
        groupLead: command.groupLead,
        cause: 'task_overdue',
        clock: null,
        taskId: task.taskId,
        at,
      },
    },
  ];
}
