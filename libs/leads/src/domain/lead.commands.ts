import type { EditableLeadDetails } from './lead-changes.events.js';
import type {
  AssignmentCandidate,
  AssignmentMethod,
  ContactChannel,
  ContactOutcome,
  DisqualificationReason,
  Escalation,
  InteractionKind,
  PoolMethod,
  ScoreLine,
  TagCategory,
  Tier,
} from './lead-vocabulary.js';
import type { LeadProfile } from './lead.events.js';
import type { LeadSource } from './lead-sources.js';
import type { RoutingDeferralReason } from './lead-routing-deferred.events.js';

/** Every lead command names its lead; `now` is the clock's time, added by the shell. */
interface LeadCommandBase {
  readonly leadId: string;
  readonly now: Date;
}

export interface CaptureLead extends LeadCommandBase, LeadProfile {
  readonly type: 'CaptureLead';
  /** Set by an import, for every lead of that import request. */
  readonly importBatchId?: string;
  /** The service ticket whose engineer found this sales need (source `service`). */
  readonly raisedFromTicket?: string;
}
/** Routing put the lead in a team by a routing rule. */
export interface SetLeadTeam extends LeadCommandBase {
  readonly type: 'SetLeadTeam';
  readonly team: string;
  readonly ruleId: string | null;
  readonly reason: string;
}
export interface RecordLeadTouch extends LeadCommandBase {
  readonly type: 'RecordLeadTouch';
  readonly source: LeadSource;
  readonly note: string | null;
  /** The service ticket that raised the duplicate capture this touch stands for. */
  readonly raisedFromTicket?: string;
}
export interface RecordLeadInteraction extends LeadCommandBase {
  readonly type: 'RecordLeadInteraction';
  readonly kind: InteractionKind;
  readonly detail: string | null;
  /** When it happened, if not now (e.g. a webinar yesterday). */
  readonly at: Date | null;
}
export interface TagLead extends LeadCommandBase {
  readonly type: 'TagLead';
  readonly category: TagCategory;
  readonly tag: string;
}
export interface UntagLead extends LeadCommandBase {
  readonly type: 'UntagLead';
  readonly category: TagCategory;
  readonly tag: string;
}
export interface ScoreLead extends LeadCommandBase {
  readonly type: 'ScoreLead';
  readonly score: number;
  readonly tier: Tier;
  readonly attemptTarget: number;
  readonly responseTargetSeconds: number;
  readonly modelVersion: number;
  readonly breakdown: readonly ScoreLine[];
}
/** Push methods and manual assignment (and reassignment). */
export interface AssignLead extends LeadCommandBase {
  readonly type: 'AssignLead';
  readonly repId: string;
  readonly method: AssignmentMethod;
  readonly policyVersion: number | null;
  readonly candidates: readonly AssignmentCandidate[];
  readonly reason: string;
  /** Seconds to first contact; null = the target of the lead's score tier (default 300 s). */
  readonly responseTargetSeconds: number | null;
  /**
   * The lead's assignment count the sender decided on (automatic routing). If the lead was
   * claimed or reassigned meanwhile, the command is refused instead of taking it away.
   */
  readonly expectedAssignmentNo?: number | null;
}
export interface PoolLead extends LeadCommandBase {
  readonly type: 'PoolLead';
  readonly method: PoolMethod;
  readonly policyVersion: number | null;
  readonly notifiedRepIds: readonly string[];
  readonly reason: string;
}
/** A rep pulls a pooled lead (cherry pick, blind pull, shark tank). */
export interface ClaimLead extends LeadCommandBase {
  readonly type: 'ClaimLead';
  readonly repId: string;
  readonly responseTargetSeconds: number | null;
}
export interface OfferLead extends LeadCommandBase {
  readonly type: 'OfferLead';
  readonly offerId: string;
  readonly repId: string;
  readonly round: number;
  readonly policyVersion: number | null;
  readonly expiresAt: Date;
}
export interface AcceptLeadOffer extends LeadCommandBase {
  readonly type: 'AcceptLeadOffer';
  readonly repId: string;
  readonly responseTargetSeconds: number | null;
}
export interface DeclineLeadOffer extends LeadCommandBase {
  readonly type: 'DeclineLeadOffer';
  readonly repId: string;
  readonly reason: string | null;
}
export interface ExpireLeadOffer extends LeadCommandBase {
  readonly type: 'ExpireLeadOffer';
  readonly offerId: string;
}
export interface RecordContactAttempt extends LeadCommandBase {
  readonly type: 'RecordContactAttempt';
  readonly repId: string;
  /** Managers may record attempts on others' leads. */
  readonly onBehalfOfOwner: boolean;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly note: string | null;
}
export interface WarnLeadResponse extends LeadCommandBase {
  readonly type: 'WarnLeadResponse';
  readonly assignmentNo: number;
  /** The due time (ISO) the timer was set for; a re-targeted clock makes it stale. Absent on older timers. */
  readonly responseDueAt?: string;
}
export interface BreachLeadResponse extends LeadCommandBase {
  readonly type: 'BreachLeadResponse';
  readonly assignmentNo: number;
  readonly escalation: Escalation;
  readonly responseDueAt?: string;
}
/** Scoring arrived after assignment: the first-contact due time follows the lead's tier. */
export interface RetargetLeadResponse extends LeadCommandBase {
  readonly type: 'RetargetLeadResponse';
  readonly assignmentNo: number;
  /** ISO time, like the due times timers carry. */
  readonly responseDueAt: string;
  readonly reason: string;
}
export interface QualifyLead extends LeadCommandBase {
  readonly type: 'QualifyLead';
  readonly budget: string;
  readonly authority: string;
  readonly need: string;
  readonly timeline: string;
}
export interface DisqualifyLead extends LeadCommandBase {
  readonly type: 'DisqualifyLead';
  readonly reasonCode: DisqualificationReason;
  readonly note: string | null;
}
export interface NurtureLead extends LeadCommandBase {
  readonly type: 'NurtureLead';
  readonly reactivateOn: Date;
  readonly reason: string | null;
}
export interface ReactivateLead extends LeadCommandBase {
  readonly type: 'ReactivateLead';
}
export interface WarnLeadRecycle extends LeadCommandBase {
  readonly type: 'WarnLeadRecycle';
  readonly progressNo: number;
  readonly recycleAt: Date;
}
export interface RecycleLead extends LeadCommandBase {
  readonly type: 'RecycleLead';
  /** From a timer: only when nothing happened since. Absent: a manager's decision. */
  readonly progressNo: number | null;
  readonly reason: string;
}
export interface ArchiveLead extends LeadCommandBase {
  readonly type: 'ArchiveLead';
  readonly progressNo: number | null;
  readonly reason: string;
}
export interface ConvertLead extends LeadCommandBase {
  readonly type: 'ConvertLead';
  readonly dealId: string;
}

/**
 * Corrects a lead: each field given replaces the current value (null clears it); fields
 * left out stay. Email and phone are contact methods whose uniqueness the shell guards.
 */
export interface EditLead extends LeadCommandBase {
  readonly type: 'EditLead';
  readonly details: Partial<EditableLeadDetails>;
  readonly contact: { readonly email?: string | null; readonly phone?: string | null };
}

/** Routing could not place the lead (sent by the routing process manager). */
export interface DeferLeadRouting extends LeadCommandBase {
  readonly type: 'DeferLeadRouting';
  readonly reason: RoutingDeferralReason;
  readonly detail: string;
  readonly teamId: string | null;
  readonly importBatchId?: string | null;
}

export type LeadCommand =
  | CaptureLead
  | EditLead
  | SetLeadTeam
  | RecordLeadTouch
  | RecordLeadInteraction
  | TagLead
  | UntagLead
  | ScoreLead
  | AssignLead
  | PoolLead
  | ClaimLead
  | OfferLead
  | AcceptLeadOffer
  | DeclineLeadOffer
  | ExpireLeadOffer
  | RecordContactAttempt
  | WarnLeadResponse
  | BreachLeadResponse
  | RetargetLeadResponse
  | QualifyLead
  | DisqualifyLead
  | NurtureLead
  | ReactivateLead
  | WarnLeadRecycle
  | RecycleLead
  | ArchiveLead
  | ConvertLead
  | DeferLeadRouting;

export type LeadCommandType = LeadCommand['type'];
