import { definePort, type RequestContext } from '#ltc/platform';
import type { Lead } from '../domain/lead.state.js';

/**
 * Checks a rep may pull one more lead (claim caps per rep) and may own one at all.
 */
export interface ClaimGuard {
  /**
   * Throws a DomainError (409) when the caller may not claim another lead now. Takes the lead
   * the route has read (null: unknown, the command answers 404), so a claim reads its stream once.
   */
  assertMayClaim(ctx: RequestContext, lead: Lead | null): Promise<void>;
  /**
   * Throws unless the rep may own a lead: 404 for an unknown rep a manager names, 409
   * OWNER_NOT_A_REP / REP_INACTIVE otherwise. Checked before the command, so a refused
   * claim or assignment writes nothing.
   */
  assertMayOwn(ctx: RequestContext, repId: string, how: 'claim' | 'assign'): Promise<void>;
  /** Response target (seconds) for a lead claimed or accepted now; null = the lead's tier target. */
  responseTargetSeconds(ctx: RequestContext, lead: Lead | null): Promise<number | null>;
}

/** Provided by lead routing (through the context's descriptor), injected by the lead routes. */
export const CLAIM_GUARD = definePort<ClaimGuard>('ClaimGuard');
