import type { Grading } from './ticket.events.js';
import type {
  Channel,
  Contact,
  CustomerContext,
  Line,
  Owner,
  SlaClockName,
  SlaPolicySnapshot,
  WaitReason,
} from './service-vocabulary.js';

/** A pause of a clock (a wait the policy pauses on), kept for the ticket's whole life, across re-grades. */
export interface PauseRecord {
  readonly reason: WaitReason;
  readonly from: string;
  readonly to: string | null;
}

/**
 * One SLA clock as it stands after the ticket's last event: business time used up to
 * `elapsedAsOf`, running since then (`runningSince`) or paused or stopped. The elapsed time at
 * any later instant is `elapsedMs` plus the business time from `runningSince` to it.
 */
export interface SlaClockState {
  readonly clock: SlaClockName;
  readonly targetMs: number;
  readonly elapsedMs: number;
  readonly runningSince: string | null;
  readonly state: 'running' | 'paused' | 'stopped';
  readonly plan: number;
  readonly warnAt: string | null;
  readonly breachAt: string | null;
  readonly warned: boolean;
  readonly breached: boolean;
  /** When it was met (first response, resolution); null while it runs. */
  readonly stoppedAt: string | null;
}

export interface ResolutionPlan {
  readonly planId: string;
  readonly summary: string;
  readonly steps: readonly string[];
  readonly status: 'proposed' | 'approved' | 'rejected' | 'implemented';
  readonly proposedBy: string;
}

export interface TaskState {
  readonly taskId: string;
  readonly title: string;
  readonly kind: string;
  readonly line: Line;
  readonly owner: Owner;
  readonly targetMs: number;
  readonly dueAt: string;
  readonly status: 'open' | 'done';
  readonly overdue: boolean;
  readonly onTime: boolean | null;
}

export type TicketStatus = 'open' | 'waiting' | 'resolved' | 'closed';

export interface Ticket {
  readonly status: TicketStatus;
  readonly ticketId: string;
  readonly channel: Channel;
  readonly customer: CustomerContext;
  readonly contact: Contact;
  readonly product: string | null;
  readonly category: string | null;
  readonly subject: string;
  readonly grading: Grading;
  readonly policy: SlaPolicySnapshot;
  readonly line: Line;
  readonly owner: Owner;
  readonly acceptedAt: string;
  readonly acceptedBy: string;
  readonly waiting: { readonly reason: WaitReason; readonly since: string; readonly pausesSla: boolean } | null;
  readonly pauses: readonly PauseRecord[];
  readonly clocks: Readonly<Record<SlaClockName, SlaClockState>>;
  readonly respondedAt: string | null;
  readonly plans: readonly ResolutionPlan[];
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly verified: boolean;
  readonly closedAt: string | null;
  readonly callback: { readonly satisfaction: number; readonly comment: string | null } | null;
  readonly reopenCount: number;
  readonly tasks: readonly TaskState[];
  readonly spawnedLeads: readonly string[];
  readonly requirements: readonly string[];
  readonly followUpOf: string | null;
  readonly followUps: readonly string[];
}

export type TicketState = { readonly status: 'none' } | Ticket;

export const initialTicketState = (): TicketState => ({ status: 'none' });
