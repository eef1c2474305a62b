import type { RequestContext } from '#ltc/platform';

/**
 * Checks a rep may pull one more lead (claim caps per rep). The distribution slice
 * provides the real one; without it every claim passes the guard and only the lead
 * stream's concurrency decides the race.
 */
export interface ClaimGuard {
  /** Throws a DomainError (409) when the caller may not claim another lead now. */
  assertMayClaim(ctx: RequestContext, leadId: string): Promise<void>;
  /** Response target (seconds) for a lead claimed or accepted now; null = the lead's tier target. */
  responseTargetSeconds(ctx: RequestContext, leadId: string): Promise<number | null>;
}

export const CLAIM_GUARD = Symbol('ClaimGuard');

export const allowAllClaims: ClaimGuard = {
  assertMayClaim: async () => undefined,
  responseTargetSeconds: async () => null,
};
