/** The roles of the iron triangle (docs/domain.md › The iron triangle): account, solution, fulfilment. */
export const TRIANGLE_ROLES = ['ar', 'sr', 'fr'] as const;
export type TriangleRole = (typeof TRIANGLE_ROLES)[number];

/** The triangle's seats: the three roles and the sponsor who authorises the deal. */
export const TRIANGLE_SEATS = ['ar', 'sr', 'fr', 'sponsor'] as const;
export type TriangleSeat = (typeof TRIANGLE_SEATS)[number];

/** Who holds each seat; the AR is always there (the deal's owner), the others may be empty. */
export interface Triangle {
  readonly ar: string;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
}

/** The phase a handoff passes command for: AR leads early MO, SR the bid, FR the execution. */
export const HANDOFF_PHASES = ['opportunity', 'bid', 'execution'] as const;
export type HandoffPhase = (typeof HANDOFF_PHASES)[number];

/** How an opportunity came to be: a lead converted, or a seller opened it directly (e.g. an expansion). */
export type OpportunityOrigin = 'lead_conversion' | 'direct';

/** What the customer said to a bid. */
export const CUSTOMER_ANSWERS = ['accepted', 'rejected', 'counter_offer'] as const;
export type CustomerAnswer = (typeof CUSTOMER_ANSWERS)[number];

/**
 * Who gives a command, as the shell knows them from the token: their id, and whether they
 * are a sales manager (or admin), the ones who approve discounts and reopen closed deals.
 */
export interface Actor {
  readonly id: string;
  readonly salesManager: boolean;
  /**
   * A sales manager with a team manages the deals of their teams only (approves their discounts,
   * reopens them); absent: every deal of the tenant (admins, and the head of sales with no team).
   */
  readonly managerOf?: readonly string[];
}
