import type { DispatchableCommand } from '#ltc/commanding';
import type { Escalation } from '#ltc/leads/domain';
import { daysToMs, type DistributionPolicy } from '../distribution/domain/distribution-policy.js';

/** A durable timer to schedule: its id (unique per purpose, lead and occasion), when, and what to send. */
export interface TimerPlan {
  readonly timerId: string;
  readonly dueAt: Date;
  readonly command: DispatchableCommand;
}

/**
 * Timer ids carry what makes them unique: the assignment number for response timers,
 * the progress number for recycle and archive timers, the offer id for offer expiry.
 * A later assignment or progress makes an earlier timer stale: the lead decider ignores
 * a timer command whose number is no longer the lead's.
 */
export const timerIds = {
  /** `retargetedTo`: the due time of a re-targeted clock, so its timers are new ones, not the cancelled ones. */
  responseWarning: (leadId: string, assignmentNo: number, retargetedTo?: string) =>
    `leadResponseWarn:${leadId}:${assignmentNo}${retargetedTo ? `:${Date.parse(retargetedTo)}` : ''}`,
  responseBreach: (leadId: string, assignmentNo: number, retargetedTo?: string) =>
    `leadResponseBreach:${leadId}:${assignmentNo}${retargetedTo ? `:${Date.parse(retargetedTo)}` : ''}`,
  recycleWarning: (leadId: string, progressNo: number) => `leadRecycleWarn:${leadId}:${progressNo}`,
  recycle: (leadId: string, progressNo: number) => `leadRecycle:${leadId}:${progressNo}`,
  archive: (leadId: string, progressNo: number) => `leadArchive:${leadId}:${progressNo}`,
  offerExpiry: (offerId: string) => `leadOfferExpiry:${offerId}`,
};

/** Warn at `warningPercent` of the way from assignment to the response target; breach at the target. */
export function responseTimers(
  input: {
    readonly leadId: string;
    readonly assignmentNo: number;
    readonly assignedAt: string;
    readonly responseDueAt: string;
    readonly escalation: Escalation;
    /** True when the clock was re-targeted after the assignment (new timer ids). */
    readonly retargeted?: boolean;
  },
  policy: DistributionPolicy,
): TimerPlan[] {
  const { leadId, assignmentNo, responseDueAt } = input;
  const retargetedTo = input.retargeted ? responseDueAt : undefined;
  const from = Date.parse(input.assignedAt);
  const due = Date.parse(input.responseDueAt);
  const warnAt = from + Math.floor(((due - from) * policy.warningPercent) / 100);
  const timers: TimerPlan[] = [];
  if (warnAt > from && warnAt < due) {
    timers.push({
      timerId: timerIds.responseWarning(leadId, assignmentNo, retargetedTo),
      dueAt: new Date(warnAt),
      command: { type: 'lead.WarnLeadResponse', payload: { leadId, assignmentNo, responseDueAt } },
    });
  }
  timers.push({
    timerId: timerIds.responseBreach(leadId, assignmentNo, retargetedTo),
    dueAt: new Date(due),
    command: {
      type: 'lead.BreachLeadResponse',
      payload: { leadId, assignmentNo, escalation: input.escalation, responseDueAt },
    },
  });
  return timers;
}

/** Recycle after `idleDays` without progress since `since`; warn the owner `warnDaysBefore` earlier. */
export function recycleTimers(
  input: { readonly leadId: string; readonly progressNo: number; readonly since: string },
  policy: DistributionPolicy,
): TimerPlan[] {
  const { leadId, progressNo } = input;
  const { idleDays, warnDaysBefore } = policy.recycle;
  const recycleAt = new Date(Date.parse(input.since) + daysToMs(idleDays));
  const timers: TimerPlan[] = [];
  if (warnDaysBefore > 0) {
    timers.push({
      timerId: timerIds.recycleWarning(leadId, progressNo),
      dueAt: new Date(recycleAt.getTime() - daysToMs(warnDaysBefore)),
      command: { type: 'lead.WarnLeadRecycle', payload: { leadId, progressNo, recycleAt: recycleAt.toISOString() } },
    });
  }
  timers.push({
    timerId: timerIds.recycle(leadId, progressNo),
    dueAt: recycleAt,
    command: {
      type: 'lead.RecycleLead',
      payload: { leadId, progressNo, reason: `no progress for ${formatDays(idleDays)}` },
    },
  });
  return timers;
}

/** Archive a lead left in the pool for `archiveAfterDays` since `since`. */
export function archiveTimer(
  input: { readonly leadId: string; readonly progressNo: number; readonly since: string },
  policy: DistributionPolicy,
): TimerPlan {
  const { archiveAfterDays } = policy.recycle;
  return {
    timerId: timerIds.archive(input.leadId, input.progressNo),
    dueAt: new Date(Date.parse(input.since) + daysToMs(archiveAfterDays)),
    command: {
      type: 'lead.ArchiveLead',
      payload: {
        leadId: input.leadId,
        progressNo: input.progressNo,
        reason: `unclaimed in the pool for ${formatDays(archiveAfterDays)}`,
      },
    },
  };
}

export function offerExpiryTimer(input: {
  readonly leadId: string;
  readonly offerId: string;
  readonly expiresAt: string;
}): TimerPlan {
  return {
    timerId: timerIds.offerExpiry(input.offerId),
    dueAt: new Date(input.expiresAt),
    command: { type: 'lead.ExpireLeadOffer', payload: { leadId: input.leadId, offerId: input.offerId } },
  };
}

/** "14 days", or "20 seconds" for the fractions tests use. */
export function formatDays(days: number): string {
  if (days >= 1) return `${Number(days.toFixed(2))} day${days === 1 ? '' : 's'}`;
  const seconds = Math.round(days * 86_400);
  if (seconds >= 3600) return `${Number((seconds / 3600).toFixed(1))} hours`;
  if (seconds >= 60) return `${Number((seconds / 60).toFixed(1))} minutes`;
  return `${seconds} seconds`;
}
