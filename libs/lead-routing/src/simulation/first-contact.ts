import type { Lead } from '#ltc/leads/domain';
import { responseTargetFor } from '../distribution/domain/distribution-policy.js';
import { leadFacts } from '../routing/lead-facts.js';
import type { DistributionCase } from './distribution-case.js';

/**
 * Where a lead's first contact stood against its target by the end of the period: in time,
 * late (or not at all once the target passed), target still ahead, or unknown (the rep the
 * simulation gave it to has no recorded response to go by).
 */
export type ContactStanding = 'within_target' | 'missed_target' | 'not_yet_due' | 'unknown';

export interface StandingContext {
  readonly to: string;
  readonly responseSeconds: ReadonlyMap<string, readonly number[]>;
  readonly leadOf: (leadId: string) => Lead | undefined;
}

/** Both sides' standing; null on a side where the lead had no owner. */
export function firstContactStanding(
  found: DistributionCase,
  context: StandingContext,
): { readonly actual: ContactStanding | null; readonly simulated: ContactStanding | null } {
  const { actual, simulated } = found;
  const actualStanding =
    actual.firstOwner === null || actual.dueAt === null
      ? null
      : standing(actual.firstAttemptAt, actual.dueAt, context.to);
  const lead = context.leadOf(found.leadId);
  if (simulated.owner === null || simulated.assignedAt === null || simulated.policy === null || !lead) {
    return { actual: actualStanding, simulated: null };
  }
  const assignedMs = Date.parse(simulated.assignedAt);
  // Counted from the assignment with the tier the lead ended up with, as routing retargets it once scored.
  const dueAt = iso(assignedMs + responseTargetFor(simulated.policy, leadFacts(lead)) * 1000);
  let attemptAt: string | null;
  if (simulated.owner === actual.firstOwner && actual.assignedAt !== null) {
    attemptAt =
      actual.firstAttemptAt === null
        ? null
        : iso(assignedMs + Date.parse(actual.firstAttemptAt) - Date.parse(actual.assignedAt));
  } else {
    const seconds = median(context.responseSeconds.get(simulated.owner) ?? []);
    if (seconds === null) return { actual: actualStanding, simulated: 'unknown' };
    attemptAt = iso(assignedMs + seconds * 1000);
  }
  if (attemptAt !== null && attemptAt >= context.to) attemptAt = null;
  return { actual: actualStanding, simulated: standing(attemptAt, dueAt, context.to) };
}

function standing(attemptAt: string | null, dueAt: string, to: string): ContactStanding {
  if (attemptAt !== null) return attemptAt <= dueAt ? 'within_target' : 'missed_target';
  return dueAt < to ? 'missed_target' : 'not_yet_due';
}

/** The lower median (a real recorded value, never an average of two). */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

const iso = (ms: number): string => new Date(ms).toISOString();
