/** Who gives a command, as the shell knows them from the token. */
export interface Actor {
  readonly id: string;
  /** Sales managers (and admins) approve amendments of a contract's value. */
  readonly salesManager: boolean;
}

/** The iron triangle as the deal holds it when the contract needs it (docs/domain.md › The iron triangle). */
export interface Triangle {
  readonly ar: string;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
}

/**
 * The moments of a contract a share of its value may be invoiced at: on signing and on
 * handover the whole value is the base, on acceptance the value accepted so far.
 */
export const MILESTONES = ['on_signing', 'on_handover', 'on_acceptance'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Net terms: everything is invoiced as it is accepted, due so many days after the invoice. */
export const NET_DAYS = [30, 60, 90] as const;

export interface MilestoneShare {
  readonly milestone: Milestone;
  /** Share of the contract value in basis points; the shares of a contract sum to 10 000. */
  readonly shareBp: number;
}

/** Payment terms as the signer gives them: milestone shares (with days to pay), or net 30/60/90. */
export type PaymentTermsInput = (
  | { readonly kind: 'milestones'; readonly milestones: readonly MilestoneShare[]; readonly dueDays: number }
  | { readonly kind: 'net'; readonly days: number }
) & {
  /** Days after the due date a reminder goes out; `DEFAULT_REMINDER_DAYS` when not given. */
  readonly reminderDays?: readonly number[];
};

/** Reminder days of terms that name none, and of contracts signed before terms could. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 14, 30];

/**
 * Payment terms as recorded: net terms are one `on_acceptance` share of 10 000 bp, so every
 * invariant reads one shape.
 */
export interface PaymentTerms {
  readonly kind: 'milestones' | 'net';
  readonly milestones: readonly MilestoneShare[];
  /** Days between an invoice's date and its due date. */
  readonly dueDays: number;
  /** Days after the due date a reminder goes out; absent on events signed before it was recorded. */
  readonly reminderDays?: readonly number[];
}

/** The reminder days the terms name, the default for terms recorded without them. */
export const reminderDaysOf = (terms: PaymentTerms | null): readonly number[] =>
  terms?.reminderDays ?? DEFAULT_REMINDER_DAYS;

/** One line of a purchase order. */
export interface OrderLine {
  readonly sku: string;
  readonly description: string;
  /** Whole units. */
  readonly quantity: number;
  /** Price of one unit in minor units of the contract's currency. */
  readonly unitPriceMinor: number;
}

/** What a delivery brought: so many units of an article. */
export interface DeliveredItem {
  readonly sku: string;
  readonly quantity: number;
}

/** An open item of the handover meeting and who owns it. */
export interface OpenItem {
  readonly description: string;
  readonly owner: string;
}
