import type { DomainEvent } from '#ltc/kernel';
import type {
  Channel,
  Contact,
  CustomerContext,
  Level,
  Line,
  Owner,
  Priority,
  ProgressVisibility,
  SlaClockName,
  SlaPolicySnapshot,
  WaitReason,
} from './service-vocabulary.js';

/** How a priority was reached: from impact × urgency, set directly, or the default of an ungraded ticket. */
export type GradingBasis = 'matrix' | 'direct' | 'default';

export interface Grading {
  readonly priority: Priority;
  readonly impact: Level | null;
  readonly urgency: Level | null;
  readonly basis: GradingBasis;
}

/** Every ticket event names its ticket and the moment it happened; those a person caused name them (`by`). */
interface Attributed {
  readonly ticketId: string;
  readonly by: string;
  readonly at: string;
}

/**
 * A service request was accepted from a channel and registered with the customer's context
 * (entitlement, warranty), graded, and bound to the SLA policy version in force (its copy).
 * `followUpOf`: the closed ticket this one continues, past that ticket's reopen window.
 */
export type TicketAccepted = DomainEvent<
  'TicketAccepted',
  Attributed & {
    readonly channel: Channel;
    readonly customer: CustomerContext;
    readonly contact: Contact;
    readonly product: string | null;
    readonly category: string | null;
    readonly subject: string;
    readonly description: string;
    readonly grading: Grading;
    readonly policy: SlaPolicySnapshot;
    readonly followUpOf: string | null;
  }
>;

/** The ticket was re-graded or re-classified; its SLA targets follow the new priority, elapsed time kept. */
export type TicketGraded = DomainEvent<
  'TicketGraded',
  Attributed & {
    readonly grading: Grading;
    readonly previousPriority: Priority;
    readonly category: string | null;
    readonly product: string | null;
    readonly reason: string | null;
  }
>;

/**
 * The schedule of one SLA clock changed (accepted, re-graded, paused, resumed, met, reopened,
 * policy re-applied): how much business time it has used, whether it runs, and the exact
 * instants it will warn and breach if nothing changes (null: not while paused or stopped, or
 * already passed). `plan` counts the schedules of this clock; a timer carries the plan it was set for.
 */
export type TicketSlaPlanned = DomainEvent<
  'TicketSlaPlanned',
  {
    readonly ticketId: string;
    readonly clock: SlaClockName;
    readonly plan: number;
    readonly targetMs: number;
    readonly elapsedMs: number;
    readonly state: 'running' | 'paused' | 'stopped';
    readonly warnAt: string | null;
    readonly breachAt: string | null;
    readonly policyVersion: number;
    readonly at: string;
  }
>;

/** A clock reached its warning threshold. `dueAt`: the instant it was planned for (the timer may fire later). */
export type TicketSlaWarned = DomainEvent<
  'TicketSlaWarned',
  {
    readonly ticketId: string;
    readonly clock: SlaClockName;
    readonly plan: number;
    readonly dueAt: string;
    readonly at: string;
  }
>;

/** A clock used up its target: the SLA is breached, as of `dueAt`. */
export type TicketSlaBreached = DomainEvent<
  'TicketSlaBreached',
  {
    readonly ticketId: string;
    readonly clock: SlaClockName;
    readonly plan: number;
    readonly dueAt: string;
    readonly at: string;
  }
>;

/** The group lead was told (a policy's escalation on a warning, breach or overdue task). */
export type TicketGroupLeadNotified = DomainEvent<
  'TicketGroupLeadNotified',
  {
    readonly ticketId: string;
    readonly group: string | null;
    readonly groupLead: string | null;
    readonly cause: 'sla_warning' | 'sla_breach' | 'task_overdue';
    readonly clock: SlaClockName | null;
    readonly taskId: string | null;
    readonly at: string;
  }
>;

/** Dispatched to an engineer and/or group on its current line (also the policy's reassignment). */
export type TicketAssigned = DomainEvent<
  'TicketAssigned',
  Attributed & {
    readonly line: Line;
    readonly owner: Owner;
    readonly reason: string | null;
    readonly automatic: boolean;
  }
>;

/** The customer got the first response: the response clock stops. */
export type TicketResponded = DomainEvent<
  'TicketResponded',
  Attributed & { readonly message: string; readonly elapsedMs: number; readonly withinTarget: boolean }
>;

/** Up a line (to experts, to R&D), with a reason; `automatic` when a policy escalated on a breach. */
export type TicketEscalated = DomainEvent<
  'TicketEscalated',
  Attributed & {
    readonly fromLine: Line;
    readonly toLine: Line;
    readonly reason: string;
    readonly owner: Owner;
    readonly automatic: boolean;
  }
>;

/** Back down a line. */
export type TicketDeEscalated = DomainEvent<
  'TicketDeEscalated',
  Attributed & { readonly fromLine: Line; readonly toLine: Line; readonly reason: string; readonly owner: Owner }
>;

/** A progress note, for the customer or internal. */
export type TicketProgressRecorded = DomainEvent<
  'TicketProgressRecorded',
  Attributed & { readonly note: string; readonly visibility: ProgressVisibility }
>;

/** Waiting for the customer or a third party; `pausesSla`: the policy stops the clocks for this wait. */
export type TicketWaitStarted = DomainEvent<
  'TicketWaitStarted',
  Attributed & { readonly reason: WaitReason; readonly note: string | null; readonly pausesSla: boolean }
>;

/** The wait is over; work (and the clocks) resume. */
export type TicketWaitEnded = DomainEvent<'TicketWaitEnded', Attributed & { readonly reason: WaitReason }>;

export type ResolutionPlanProposed = DomainEvent<
  'ResolutionPlanProposed',
  Attributed & { readonly planId: string; readonly summary: string; readonly steps: readonly string[] }
>;

export type ResolutionPlanAssessed = DomainEvent<
  'ResolutionPlanAssessed',
  Attributed & { readonly planId: string; readonly decision: 'approved' | 'rejected'; readonly note: string | null }
>;

export type ResolutionPlanImplemented = DomainEvent<
  'ResolutionPlanImplemented',
  Attributed & { readonly planId: string; readonly note: string | null }
>;

/** Solved: the resolution clock stops. */
export type TicketResolved = DomainEvent<
  'TicketResolved',
  Attributed & { readonly resolution: string; readonly elapsedMs: number; readonly withinTarget: boolean }
>;

/**
 * The result was checked: root cause, preventive action, and whether it caused new problems.
 * A failed verification (`passed` false) puts the ticket back to work, its resolution clock running again.
 */
export type TicketVerified = DomainEvent<
  'TicketVerified',
  Attributed & {
    readonly rootCause: string;
    readonly preventiveAction: string;
    readonly noNewProblems: boolean;
    readonly passed: boolean;
    readonly note: string | null;
  }
>;

export type TicketClosed = DomainEvent<'TicketClosed', Attributed & { readonly note: string | null }>;

/** The customer was called back: satisfaction 1–5. */
export type TicketCallbackRecorded = DomainEvent<
  'TicketCallbackRecorded',
  Attributed & { readonly satisfaction: 1 | 2 | 3 | 4 | 5; readonly comment: string | null }
>;

/** Reopened within the window: back to work, the resolution clock runs on from what it had used. */
export type TicketReopened = DomainEvent<'TicketReopened', Attributed & { readonly reason: string }>;

/** Past the reopen window, a new ticket continues this one. */
export type TicketFollowUpOpened = DomainEvent<
  'TicketFollowUpOpened',
  { readonly ticketId: string; readonly followUpTicketId: string; readonly at: string }
>;

/** A sales need found in service became a lead (source `service`); the lead names this ticket too. */
export type TicketLeadSpawned = DomainEvent<
  'TicketLeadSpawned',
  { readonly ticketId: string; readonly leadId: string; readonly by: string; readonly at: string }
>;

/** A product problem for the product-development flow. */
export type ProductRequirementRaised = DomainEvent<
  'ProductRequirementRaised',
  Attributed & {
    readonly requirementId: string;
    readonly title: string;
    readonly description: string;
    readonly product: string | null;
    readonly customerAccount: string;
  }
>;

/** An internal task (OLA) with its owner, its business-time target and due instant on the owner's calendar. */
export type TicketTaskOpened = DomainEvent<
  'TicketTaskOpened',
  Attributed & {
    readonly taskId: string;
    readonly title: string;
    readonly kind: string;
    readonly line: Line;
    readonly owner: Owner;
    readonly targetMs: number;
    readonly dueAt: string;
  }
>;

export type TicketTaskCompleted = DomainEvent<
  'TicketTaskCompleted',
  Attributed & { readonly taskId: string; readonly onTime: boolean; readonly note: string | null }
>;

/** A task passed its due instant undone (`dueAt`); the group lead is told in the same append. */
export type TicketTaskOverdue = DomainEvent<
  'TicketTaskOverdue',
  { readonly ticketId: string; readonly taskId: string; readonly dueAt: string; readonly at: string }
>;

/** An admin re-applied the current policy version to this running ticket (elapsed time and pauses kept). */
export type TicketSlaPolicyReapplied = DomainEvent<
  'TicketSlaPolicyReapplied',
  Attributed & { readonly policy: SlaPolicySnapshot; readonly previousVersion: number; readonly reason: string | null }
>;

export type TicketEvent =
  | TicketAccepted
  | TicketGraded
  | TicketSlaPlanned
  | TicketSlaWarned
  | TicketSlaBreached
  | TicketGroupLeadNotified
  | TicketAssigned
  | TicketResponded
  | TicketEscalated
  | TicketDeEscalated
  | TicketProgressRecorded
  | TicketWaitStarted
  | TicketWaitEnded
  | ResolutionPlanProposed
  | ResolutionPlanAssessed
  | ResolutionPlanImplemented
  | TicketResolved
  | TicketVerified
  | TicketClosed
  | TicketCallbackRecorded
  | TicketReopened
  | TicketFollowUpOpened
  | TicketLeadSpawned
  | ProductRequirementRaised
  | TicketTaskOpened
  | TicketTaskCompleted
  | TicketTaskOverdue
  | TicketSlaPolicyReapplied;

export type TicketEventType = TicketEvent['type'];
