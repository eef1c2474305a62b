import type { BusinessCalendar } from './clock/business-calendar.js';

/** Who gives a command, as the shell knows them from the token. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** Where a service request came in (docs/domain.md › Issues). */
export const CHANNELS = ['hotline', 'web', 'chat', 'wechat', 'mini_program', 'email', 'internal_audit'] as const;
export type Channel = (typeof CHANNELS)[number];

/** P1 is the most urgent. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Impact and urgency, each high / medium / low; together they give the priority (see `priorityOf`). */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

/** Line 1: field and hotline engineers; line 2: experts; line 3: R&D. */
export const LINES = [1, 2, 3] as const;
export type Line = (typeof LINES)[number];

/** What a ticket can wait for; a policy says which of them pause its SLA clocks. */
export const WAIT_REASONS = ['customer', 'third_party'] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];

/** The two SLA clocks of every ticket. */
export const SLA_CLOCKS = ['response', 'resolution'] as const;
export type SlaClockName = (typeof SLA_CLOCKS)[number];

/** Whom a ticket's progress note is for. */
export type ProgressVisibility = 'customer' | 'internal';

/** What a policy does when a clock warns or breaches. */
export type EscalationAction = 'notify_group_lead' | 'reassign_to_group_lead' | 'escalate_line';

export interface EscalationRule {
  readonly on: 'warning' | 'breach';
  /** The clock the rule watches; `any` for both. */
  readonly clock: SlaClockName | 'any';
  readonly action: EscalationAction;
}

/** Business minutes to first response and to resolution, for one priority. */
export interface SlaTargets {
  readonly responseMinutes: number;
  readonly resolutionMinutes: number;
}

/**
 * An SLA policy version as a ticket keeps it from acceptance on: its own copy, so a later
 * change of the policy (or its calendar) never moves a running ticket unless it is re-applied.
 */
export interface SlaPolicySnapshot {
  readonly policyId: string;
  readonly version: number;
  readonly targets: Readonly<Record<Priority, SlaTargets>>;
  readonly calendarId: string | null;
  readonly calendarVersion: number | null;
  readonly calendar: BusinessCalendar;
  /** The waits that stop the SLA clocks (e.g. waiting for the customer); other waits let them run. */
  readonly pauseOn: readonly WaitReason[];
  /** The share of a target, in percent (1–99), at which a clock warns; it breaches at 100 %. */
  readonly warnAtPercent: number;
  readonly escalations: readonly EscalationRule[];
  /** OLA: business minutes an internal task has, by the line that owns it, or by its kind (which wins). */
  readonly ola: {
    readonly byLine: Readonly<Record<Line, number>>;
    readonly byKind: Readonly<Record<string, number>>;
  };
  /** Verification must be by someone other than the resolver. */
  readonly independentVerification: boolean;
  /** Days after closing during which the ticket itself can be reopened; later a new linked ticket is opened. */
  readonly reopenWindowDays: number;
}

/** The customer's context a ticket is registered with at acceptance. */
export interface CustomerContext {
  readonly account: string;
  /** The contract the customer's entitlement comes from; null: the tenant's default policy applies. */
  readonly contractId: string | null;
  readonly entitlement: 'contract' | 'default';
  readonly warranty: 'in_warranty' | 'out_of_warranty' | 'none';
  readonly warrantyEndsOn: string | null;
  /** The people of the contract's deal (AR, SR, FR, sponsor): sales roles among them read the ticket. */
  readonly dealTeam: readonly string[];
}

export interface Contact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** Who owns work: a person, a group, or both (a person of that group). */
export interface Owner {
  readonly group: string | null;
  readonly engineer: string | null;
}
