import type { BusinessCalendar } from './clock/business-calendar.js';
import type {
  Actor,
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

/** Every command names its ticket, who gives it and the moment it is decided at (the shell's clock). */
interface Base {
  readonly ticketId: string;
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * Grading as the user gives it: a priority directly, or impact and urgency (the matrix gives
 * the priority); neither: P3 by default, to be graded.
 */
export interface GradingInput {
  readonly priority: Priority | null;
  readonly impact: Level | null;
  readonly urgency: Level | null;
}

/** The shell looked up the customer's context and the policy version in force (entitlement or tenant default). */
export interface AcceptTicket extends Base {
  readonly type: 'AcceptTicket';
  readonly channel: Channel;
  readonly customer: CustomerContext;
  readonly contact: Contact;
  readonly product: string | null;
  readonly category: string | null;
  readonly subject: string;
  readonly description: string;
  readonly grading: GradingInput;
  readonly policy: SlaPolicySnapshot;
  readonly followUpOf: string | null;
}

export interface GradeTicket extends Base {
  readonly type: 'GradeTicket';
  readonly grading: GradingInput;
  /** Undefined: unchanged. */
  readonly category?: string | null;
  readonly product?: string | null;
  readonly reason: string | null;
}

export interface AssignTicket extends Base {
  readonly type: 'AssignTicket';
  readonly owner: Owner;
  readonly reason: string | null;
}

export interface RespondToTicket extends Base {
  readonly type: 'RespondToTicket';
  readonly message: string;
}

export interface EscalateTicket extends Base {
  readonly type: 'EscalateTicket';
  readonly toLine: Line;
  readonly reason: string;
  readonly owner: Owner;
}

export interface DeEscalateTicket extends Base {
  readonly type: 'DeEscalateTicket';
  readonly toLine: Line;
  readonly reason: string;
  readonly owner: Owner;
}

export interface RecordProgress extends Base {
  readonly type: 'RecordProgress';
  readonly note: string;
  readonly visibility: ProgressVisibility;
}

export interface StartWaiting extends Base {
  readonly type: 'StartWaiting';
  readonly reason: WaitReason;
  readonly note: string | null;
}

export interface ResumeTicket extends Base {
  readonly type: 'ResumeTicket';
}

export interface ProposeResolutionPlan extends Base {
  readonly type: 'ProposeResolutionPlan';
  readonly planId: string;
  readonly summary: string;
  readonly steps: readonly string[];
}

export interface AssessResolutionPlan extends Base {
  readonly type: 'AssessResolutionPlan';
  readonly decision: 'approved' | 'rejected';
  readonly note: string | null;
}

export interface MarkPlanImplemented extends Base {
  readonly type: 'MarkPlanImplemented';
  readonly note: string | null;
}

export interface ResolveTicket extends Base {
  readonly type: 'ResolveTicket';
  readonly resolution: string;
}

export interface VerifyTicket extends Base {
  readonly type: 'VerifyTicket';
  readonly rootCause: string;
  readonly preventiveAction: string;
  readonly noNewProblems: boolean;
  readonly note: string | null;
}

export interface CloseTicket extends Base {
  readonly type: 'CloseTicket';
  readonly note: string | null;
}

export interface RecordCallback extends Base {
  readonly type: 'RecordCallback';
  readonly satisfaction: number;
  readonly comment: string | null;
}

export interface ReopenTicket extends Base {
  readonly type: 'ReopenTicket';
  readonly reason: string;
}

/** Sent by the process manager that sees a lead captured from this ticket (the lead names it). */
export interface LinkSpawnedLead extends Base {
  readonly type: 'LinkSpawnedLead';
  readonly leadId: string;
}

/** Sent by the process manager that sees a follow-up ticket accepted for this one. */
export interface LinkFollowUpTicket extends Base {
  readonly type: 'LinkFollowUpTicket';
  readonly followUpTicketId: string;
}

export interface RaiseProductRequirement extends Base {
  readonly type: 'RaiseProductRequirement';
  readonly requirementId: string;
  readonly title: string;
  readonly description: string;
  readonly product: string | null;
}

/** `calendar`: the owning group's business calendar (the shell looks it up; the policy's when the group has none). */
export interface OpenTask extends Base {
  readonly type: 'OpenTask';
  readonly taskId: string;
  readonly title: string;
  readonly kind: string;
  readonly line: Line;
  readonly owner: Owner;
  readonly calendar: BusinessCalendar;
}

export interface CompleteTask extends Base {
  readonly type: 'CompleteTask';
  readonly taskId: string;
  readonly note: string | null;
}

/** From the task's durable timer. `groupLead`: the lead of the task's group, looked up by the shell. */
export interface FlagTaskOverdue extends Base {
  readonly type: 'FlagTaskOverdue';
  readonly taskId: string;
  readonly groupLead: string | null;
}

/**
 * From a clock's durable timer, for the plan it was set for (a stale plan decides nothing).
 * `groupLead`: the lead of the ticket's group; `nextLineGroup`: the group a policy's escalation
 * hands the ticket to on the next line (null: that line's queue), both looked up by the shell.
 */
export interface FlagSlaWarning extends Base {
  readonly type: 'FlagSlaWarning';
  readonly clock: SlaClockName;
  readonly plan: number;
  readonly groupLead: string | null;
  readonly nextLineGroup: string | null;
}

export interface FlagSlaBreach extends Base {
  readonly type: 'FlagSlaBreach';
  readonly clock: SlaClockName;
  readonly plan: number;
  readonly groupLead: string | null;
  readonly nextLineGroup: string | null;
}

/** An admin binds a running ticket to the policy version in force now. */
export interface ReapplySlaPolicy extends Base {
  readonly type: 'ReapplySlaPolicy';
  readonly policy: SlaPolicySnapshot;
  readonly reason: string | null;
}

export type TicketCommand =
  | AcceptTicket
  | GradeTicket
  | AssignTicket
  | RespondToTicket
  | EscalateTicket
  | DeEscalateTicket
  | RecordProgress
  | StartWaiting
  | ResumeTicket
  | ProposeResolutionPlan
  | AssessResolutionPlan
  | MarkPlanImplemented
  | ResolveTicket
  | VerifyTicket
  | CloseTicket
  | RecordCallback
  | ReopenTicket
  | LinkSpawnedLead
  | LinkFollowUpTicket
  | RaiseProductRequirement
  | OpenTask
  | CompleteTask
  | FlagTaskOverdue
  | FlagSlaWarning
  | FlagSlaBreach
  | ReapplySlaPolicy;

export type TicketCommandType = TicketCommand['type'];
