import { raisedFor, warnMsOf } from './sla-clock.js';
import type { TicketEvent, TicketSlaPlanned } from './ticket.events.js';
import type { ResolutionPlan, SlaClockState, TaskState, Ticket, TicketState } from './ticket.state.js';
import type { SlaClockName } from './service-vocabulary.js';

const unplanned = (clock: SlaClockName): SlaClockState => ({
  clock,
  targetMs: 0,
  elapsedMs: 0,
  runningSince: null,
  state: 'running',
  plan: 0,
  warnAt: null,
  breachAt: null,
  warned: false,
  breached: false,
  stoppedAt: null,
});

function planned(ticket: Ticket, { data }: TicketSlaPlanned): Ticket {
  const previous = ticket.clocks[data.clock];
  const raised = raisedFor(
    { elapsedMs: data.elapsedMs, warned: previous.warned, breached: previous.breached },
    data.targetMs,
    warnMsOf(ticket.policy, data.targetMs),
  );
  const clock: SlaClockState = {
    clock: data.clock,
    targetMs: data.targetMs,
    elapsedMs: data.elapsedMs,
    runningSince: data.state === 'running' ? data.at : null,
    state: data.state,
    plan: data.plan,
    warnAt: data.warnAt,
    breachAt: data.breachAt,
    ...raised,
    stoppedAt: data.state === 'stopped' ? data.at : null,
  };
  return { ...ticket, clocks: { ...ticket.clocks, [data.clock]: clock } };
}

const withClock = (ticket: Ticket, name: SlaClockName, change: Partial<SlaClockState>): Ticket => ({
  ...ticket,
  clocks: { ...ticket.clocks, [name]: { ...ticket.clocks[name], ...change } },
});

const withPlan = (ticket: Ticket, planId: string, status: ResolutionPlan['status']): Ticket => ({
  ...ticket,
  plans: ticket.plans.map((plan) => (plan.planId === planId ? { ...plan, status } : plan)),
});

const withTask = (ticket: Ticket, taskId: string, change: Partial<TaskState>): Ticket => ({
  ...ticket,
  tasks: ticket.tasks.map((task) => (task.taskId === taskId ? { ...task, ...change } : task)),
});

/** Folds one ticket event into the ticket; never throws (an event of a ticket not accepted changes nothing). */
export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'TicketAccepted') {
    const { data } = event;
    return {
      status: 'open',
      ticketId: data.ticketId,
      channel: data.channel,
      customer: data.customer,
      contact: data.contact,
      product: data.product,
      category: data.category,
      subject: data.subject,
      grading: data.grading,
      policy: data.policy,
      line: 1,
      owner: { group: null, engineer: null },
      acceptedAt: data.at,
      acceptedBy: data.by,
      waiting: null,
      pauses: [],
      clocks: { response: unplanned('response'), resolution: unplanned('resolution') },
      respondedAt: null,
      plans: [],
      resolvedBy: null,
      resolvedAt: null,
      verified: false,
      closedAt: null,
      callback: null,
      reopenCount: 0,
      tasks: [],
      spawnedLeads: [],
      requirements: [],
      followUpOf: data.followUpOf,
      followUps: [],
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(ticket: Ticket, event: Exclude<TicketEvent, { type: 'TicketAccepted' }>): Ticket {
  switch (event.type) {
    case 'TicketGraded':
      return {
        ...ticket,
        grading: event.data.grading,
        category: event.data.category,
        product: event.data.product,
      };
    case 'TicketSlaPlanned':
      return planned(ticket, event);
    case 'TicketSlaWarned':
      return withClock(ticket, event.data.clock, { warned: true });
    case 'TicketSlaBreached':
      return withClock(ticket, event.data.clock, { breached: true });
    case 'TicketAssigned':
      return { ...ticket, line: event.data.line, owner: event.data.owner };
    case 'TicketEscalated':
    case 'TicketDeEscalated':
      return { ...ticket, line: event.data.toLine, owner: event.data.owner };
    case 'TicketResponded':
      return { ...ticket, respondedAt: event.data.at };
    case 'TicketWaitStarted': {
      const { reason, at, pausesSla } = event.data;
      return {
        ...ticket,
        status: 'waiting',
        waiting: { reason, since: at, pausesSla },
        pauses: pausesSla ? [...ticket.pauses, { reason, from: at, to: null }] : ticket.pauses,
      };
    }
    case 'TicketWaitEnded':
      return {
        ...ticket,
        status: 'open',
        waiting: null,
        pauses: ticket.pauses.map((pause) => (pause.to === null ? { ...pause, to: event.data.at } : pause)),
      };
    case 'ResolutionPlanProposed': {
      const { planId, summary, steps, by } = event.data;
      return { ...ticket, plans: [...ticket.plans, { planId, summary, steps, status: 'proposed', proposedBy: by }] };
    }
    case 'ResolutionPlanAssessed':
      return withPlan(ticket, event.data.planId, event.data.decision);
    case 'ResolutionPlanImplemented':
      return withPlan(ticket, event.data.planId, 'implemented');
    case 'TicketResolved':
      return { ...ticket, status: 'resolved', resolvedBy: event.data.by, resolvedAt: event.data.at, verified: false };
    case 'TicketVerified':
      return event.data.passed
        ? { ...ticket, verified: true }
        : { ...ticket, status: 'open', verified: false, resolvedBy: null, resolvedAt: null };
    case 'TicketClosed':
      return { ...ticket, status: 'closed', closedAt: event.data.at };
    case 'TicketCallbackRecorded':
      return { ...ticket, callback: { satisfaction: event.data.satisfaction, comment: event.data.comment } };
    case 'TicketReopened':
      return {
        ...ticket,
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        verified: false,
        closedAt: null,
        callback: null,
        reopenCount: ticket.reopenCount + 1,
      };
    case 'TicketFollowUpOpened':
      return { ...ticket, followUps: [...ticket.followUps, event.data.followUpTicketId] };
    case 'TicketLeadSpawned':
      return { ...ticket, spawnedLeads: [...ticket.spawnedLeads, event.data.leadId] };
    case 'ProductRequirementRaised':
      return { ...ticket, requirements: [...ticket.requirements, event.data.requirementId] };
    case 'TicketTaskOpened': {
      const { taskId, title, kind, line, owner, targetMs, dueAt } = event.data;
      const task: TaskState = {
        taskId,
        title,
        kind,
        line,
        owner,
        targetMs,
        dueAt,
        status: 'open',
        overdue: false,
        onTime: null,
      };
      return { ...ticket, tasks: [...ticket.tasks, task] };
    }
    case 'TicketTaskCompleted':
      return withTask(ticket, event.data.taskId, { status: 'done', onTime: event.data.onTime });
    case 'TicketTaskOverdue':
      return withTask(ticket, event.data.taskId, { overdue: true });
    case 'TicketSlaPolicyReapplied':
      return { ...ticket, policy: event.data.policy };
    case 'TicketGroupLeadNotified':
    case 'TicketProgressRecorded':
      return ticket;
  }
}
