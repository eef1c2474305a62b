import type { RoutingDeferralReason } from '#ltc/leads/domain';

/** Where a lead that waits for routing is announced: one notification per import, else per minute. */
export interface WaitingDigestBucket {
  /** Part of the notification id: the same for every lead of the bucket, on every replay. */
  readonly key: string;
  /** How the notification names the group. */
  readonly label: string;
}

/**
 * The digest a deferred lead belongs to: the import that brought it in, or the minute of the
 * deferral (from the event's own time, never the wall clock, so a rebuild lands in the same place).
 */
export function waitingDigestBucket(deferral: {
  readonly importBatchId: string | null;
  readonly at: string;
}): WaitingDigestBucket {
  if (deferral.importBatchId !== null) {
    return { key: `import:${deferral.importBatchId}`, label: `from import ${deferral.importBatchId}` };
  }
  const minute = new Date(Date.parse(deferral.at)).toISOString().slice(0, 16);
  return { key: `minute:${minute}`, label: `deferred at ${minute.replace('T', ' ')} UTC` };
}

const REASON_WORDS: Record<RoutingDeferralReason, string> = {
  no_reps: 'no reps',
  no_active_reps: 'no active reps',
  all_unavailable: 'all reps away',
  all_at_capacity: 'all reps at capacity',
  no_territory_match: 'no territory match',
  no_eligible_rep: 'no eligible rep',
};

/** "3 leads from import b-1 wait for an owner (2 all reps at capacity, 1 no territory match)". */
export function waitingDigestMessage(
  bucket: WaitingDigestBucket,
  reasons: readonly { readonly reason: string; readonly leads: number }[],
): string {
  const total = reasons.reduce((sum, r) => sum + r.leads, 0);
  const why = reasons
    .map((r) => `${r.leads} ${REASON_WORDS[r.reason as RoutingDeferralReason] ?? r.reason}`)
    .join(', ');
  const leads = total === 1 ? '1 lead' : `${total} leads`;
  return `${leads} ${bucket.label} ${total === 1 ? 'waits' : 'wait'} for an owner (${why}); see GET /leads/unassigned`;
}
