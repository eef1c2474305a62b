import type { DomainEvent, Money } from '#ltc/kernel';
import type {
  AssignmentCandidate,
  AssignmentMethod,
  ContactChannel,
  ContactOutcome,
  DisqualificationReason,
  Escalation,
  InteractionKind,
  LeadDirection,
  PoolMethod,
  ScoreLine,
  TagCategory,
  Tier,
} from './lead-vocabulary.js';
import type { LeadSource } from './lead-sources.js';
import type { LeadCaptureVoided, LeadContactChanged, LeadDetailsEdited } from './lead-changes.events.js';
import type { LeadRoutingDeferred } from './lead-routing-deferred.events.js';

/** How to reach the person behind a lead; every part is optional. */
export interface LeadContact {
  readonly person: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** What a lead is about and where it came from. Later fields are absent on the oldest events. */
export interface LeadProfile {
  readonly name: string;
  readonly company: string | null;
  readonly contact: LeadContact;
  readonly source: LeadSource;
  readonly region: string | null;
  readonly language?: string | null;
  readonly industry?: string | null;
  /**
   * Estimated deal size (integer minor units + ISO 4217 currency). Events stored before
   * amounts carried a currency hold a plain number of EUR; `upcastLeadEvent` reads them.
   */
  readonly estimatedDealSize?: Money | null;
  readonly notes?: string | null;
  /** Inbound (the customer came to us) or outbound (sales went to them); hybrid distribution keys on it. */
  readonly direction?: LeadDirection;
  /** The sales team given at capture or import; absent when routing rules decide (see LeadTeamSet). */
  readonly team?: string | null;
}

/**
 * A signal of interest was registered as a lead. `complete` is false when it came
 * without any contact method (it can still be worked, e.g. by researching the company).
 */
export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  LeadProfile & {
    readonly leadId: string;
    readonly complete: boolean;
    readonly capturedAt: string;
    /** The import that brought the lead in (one per import request); absent for single captures. */
    readonly importBatchId?: string;
    /** The service ticket that raised the lead (source `service`); absent when it came from no ticket. */
    readonly raisedFromTicket?: string;
  }
>;

/**
 * The lead belongs to a sales team now, whose distribution policy applies: the tenant's
 * routing rule `ruleId` matched it (by region, source or industry). A team given at
 * capture is on LeadCaptured itself.
 */
export type LeadTeamSet = DomainEvent<
  'LeadTeamSet',
  {
    readonly leadId: string;
    readonly team: string;
    readonly ruleId: string | null;
    readonly reason: string;
    readonly at: string;
  }
>;

/**
 * The same person showed interest again (a duplicate capture) and it was kept as a touch on this lead.
 * `raisedFromTicket`: the service ticket whose lead this was (absent when none), so its lineage is kept.
 */
export type LeadTouchRecorded = DomainEvent<
  'LeadTouchRecorded',
  {
    readonly leadId: string;
    readonly source: LeadSource;
    readonly note: string | null;
    readonly at: string;
    readonly raisedFromTicket?: string;
  }
>;

/** Something the lead did that signals intent (web visit, webinar, reply…); feeds behaviour scoring. */
export type LeadInteractionRecorded = DomainEvent<
  'LeadInteractionRecorded',
  { readonly leadId: string; readonly kind: InteractionKind; readonly detail: string | null; readonly at: string }
>;

/** Sales marked how to approach this buyer (cognitive mode, needs, purchase characteristics, free tag). */
export type LeadTagged = DomainEvent<
  'LeadTagged',
  { readonly leadId: string; readonly category: TagCategory; readonly tag: string; readonly at: string }
>;

export type LeadUntagged = DomainEvent<
  'LeadUntagged',
  { readonly leadId: string; readonly category: TagCategory; readonly tag: string; readonly at: string }
>;

/** The lead was (re)scored; the breakdown says which rule gave how many points. */
export type LeadScored = DomainEvent<
  'LeadScored',
  {
    readonly leadId: string;
    readonly score: number;
    readonly tier: Tier;
    readonly attemptTarget: number;
    readonly responseTargetSeconds: number;
    readonly modelVersion: number;
    readonly breakdown: readonly ScoreLine[];
    readonly at: string;
  }
>;

/**
 * A rep now owns the lead. The event explains itself: method, policy version, every
 * candidate considered and why each was or wasn't chosen. `assignmentNo` counts the
 * lead's assignments, so timers set for an earlier owner recognise they are stale.
 */
export type LeadAssigned = DomainEvent<
  'LeadAssigned',
  {
    readonly leadId: string;
    readonly repId: string;
    readonly previousRepId: string | null;
    readonly assignmentNo: number;
    readonly method: AssignmentMethod;
    readonly policyVersion: number | null;
    readonly candidates: readonly AssignmentCandidate[];
    readonly reason: string;
    /** First contact is due by then (the speed-to-lead target of the lead's tier). */
    readonly responseDueAt: string;
    readonly at: string;
  }
>;

/** The lead was put in the pool for reps to pull (cherry pick, blind pull, shark tank). */
export type LeadPooled = DomainEvent<
  'LeadPooled',
  {
    readonly leadId: string;
    readonly method: PoolMethod;
    readonly policyVersion: number | null;
    /** Reps told about it (shark tank notifies every eligible rep). */
    readonly notifiedRepIds: readonly string[];
    readonly reason: string;
    readonly at: string;
  }
>;

/** Shotgun: the lead was offered to one rep, who may accept or decline until it expires. */
export type LeadOffered = DomainEvent<
  'LeadOffered',
  {
    readonly leadId: string;
    readonly offerId: string;
    readonly repId: string;
    readonly round: number;
    readonly policyVersion: number | null;
    readonly expiresAt: string;
    readonly at: string;
  }
>;

export type LeadOfferDeclined = DomainEvent<
  'LeadOfferDeclined',
  {
    readonly leadId: string;
    readonly offerId: string;
    readonly repId: string;
    readonly reason: string | null;
    readonly at: string;
  }
>;

export type LeadOfferExpired = DomainEvent<
  'LeadOfferExpired',
  { readonly leadId: string; readonly offerId: string; readonly repId: string; readonly at: string }
>;

/** The owner tried to reach the lead. The first attempt ends the speed-to-lead clock. */
export type LeadContactAttempted = DomainEvent<
  'LeadContactAttempted',
  {
    readonly leadId: string;
    readonly repId: string;
    readonly attemptNo: number;
    readonly channel: ContactChannel;
    readonly outcome: ContactOutcome;
    readonly note: string | null;
    /** Seconds from assignment to this attempt, on the first attempt after an assignment. */
    readonly secondsSinceAssignment: number | null;
    readonly at: string;
  }
>;

/** The response target is close (a share of it has passed) and nobody has contacted the lead yet. */
export type LeadResponseWarning = DomainEvent<
  'LeadResponseWarning',
  {
    readonly leadId: string;
    readonly repId: string;
    readonly assignmentNo: number;
    readonly dueAt: string;
    readonly at: string;
  }
>;

/** The response target passed without a first contact; the escalation says what the policy does about it. */
export type LeadResponseSlaBreached = DomainEvent<
  'LeadResponseSlaBreached',
  {
    readonly leadId: string;
    readonly repId: string;
    readonly assignmentNo: number;
    readonly dueAt: string;
    readonly escalation: Escalation;
    readonly at: string;
  }
>;

/**
 * The first-contact due time moved because the lead's tier became known after it was
 * assigned (routing runs on capture, scoring a moment later): a tier-A lead gets its
 * tighter target. Timers set for `previousDueAt` are stale from now on.
 */
export type LeadResponseRetargeted = DomainEvent<
  'LeadResponseRetargeted',
  {
    readonly leadId: string;
    readonly repId: string;
    readonly assignmentNo: number;
    readonly previousDueAt: string;
    readonly responseDueAt: string;
    readonly reason: string;
    readonly at: string;
  }
>;

/** BANT qualification: the lead is a real opportunity for this deal. */
export type LeadQualified = DomainEvent<
  'LeadQualified',
  {
    readonly leadId: string;
    readonly budget: string;
    readonly authority: string;
    readonly need: string;
    readonly timeline: string;
    readonly at: string;
  }
>;

export type LeadDisqualified = DomainEvent<
  'LeadDisqualified',
  {
    readonly leadId: string;
    readonly reasonCode: DisqualificationReason;
    readonly note: string | null;
    readonly at: string;
  }
>;

/** Not now: the lead is parked and comes back on `reactivateOn`. */
export type LeadNurtured = DomainEvent<
  'LeadNurtured',
  { readonly leadId: string; readonly reactivateOn: string; readonly reason: string | null; readonly at: string }
>;

export type LeadReactivated = DomainEvent<'LeadReactivated', { readonly leadId: string; readonly at: string }>;

/** The owner is warned: without progress the lead returns to the pool at `recycleAt`. */
export type LeadRecycleWarning = DomainEvent<
  'LeadRecycleWarning',
  { readonly leadId: string; readonly repId: string; readonly recycleAt: string; readonly at: string }
>;

/** No progress for too long: the lead left its owner and went back to the pool. */
export type LeadRecycled = DomainEvent<
  'LeadRecycled',
  { readonly leadId: string; readonly previousRepId: string | null; readonly reason: string; readonly at: string }
>;

/** Cleaned up after too long unworked in the pool; kept in history, out of every work list. */
export type LeadArchived = DomainEvent<
  'LeadArchived',
  { readonly leadId: string; readonly reason: string; readonly at: string }
>;

/**
 * What the deal needs from the lead, as the lead stood when it converted, so the opportunity
 * opens with it and analytics by source keep working after conversion. Tags read
 * `category:tag`; the score is the lead's last score value.
 */
export interface ConvertedLeadFacts {
  readonly name: string;
  readonly company: string | null;
  readonly contactPerson: string | null;
  readonly source: LeadSource;
  readonly region: string | null;
  readonly team: string | null;
  readonly tags: readonly string[];
  readonly score: number | null;
  readonly estimatedDealSize: Money | null;
  readonly owner: string | null;
  /** When the lead was captured (pipeline length runs from here to cash collected). */
  readonly capturedAt: string;
}

/**
 * The qualified lead became an opportunity. `dealId` links the lead, the opportunity and
 * everything after it (contract, POs, cash, tickets). The lead's facts are absent on
 * conversions stored before they travelled with it: a reader falls back to nulls.
 */
export type LeadConverted = DomainEvent<
  'LeadConverted',
  {
    readonly leadId: string;
    readonly dealId: string;
    readonly repId: string | null;
    readonly at: string;
  } & Partial<ConvertedLeadFacts>
>;

export type LeadEvent =
  | LeadCaptured
  | LeadTeamSet
  | LeadTouchRecorded
  | LeadInteractionRecorded
  | LeadTagged
  | LeadUntagged
  | LeadScored
  | LeadAssigned
  | LeadPooled
  | LeadOffered
  | LeadOfferDeclined
  | LeadOfferExpired
  | LeadContactAttempted
  | LeadResponseWarning
  | LeadResponseSlaBreached
  | LeadResponseRetargeted
  | LeadQualified
  | LeadDisqualified
  | LeadNurtured
  | LeadReactivated
  | LeadRecycleWarning
  | LeadRecycled
  | LeadArchived
  | LeadConverted
  | LeadCaptureVoided
  | LeadDetailsEdited
  | LeadContactChanged
  | LeadRoutingDeferred;

export type LeadEventType = LeadEvent['type'];
