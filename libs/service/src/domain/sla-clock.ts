import { addBusinessMs, businessMsBetween } from './clock/business-time.js';
import type { BusinessCalendar } from './clock/business-calendar.js';
import type { TicketSlaPlanned } from './ticket.events.js';
import type { SlaClockState } from './ticket.state.js';
import type { Line, Priority, SlaClockName, SlaPolicySnapshot } from './service-vocabulary.js';

export const MINUTE_MS = 60_000;

/** A clock's target under a policy, in business milliseconds. */
export const targetMsOf = (policy: SlaPolicySnapshot, priority: Priority, clock: SlaClockName): number =>
  (clock === 'response' ? policy.targets[priority].responseMinutes : policy.targets[priority].resolutionMinutes) *
  MINUTE_MS;

/** The business time after which a clock of this target warns. */
export const warnMsOf = (policy: SlaPolicySnapshot, targetMs: number): number =>
  Math.round((targetMs * policy.warnAtPercent) / 100);

/** The OLA target of an internal task: its kind's minutes when the policy names the kind, else its line's. */
export const olaTargetMs = (policy: SlaPolicySnapshot, kind: string, line: Line): number =>
  (policy.ola.byKind[kind] ?? policy.ola.byLine[line]) * MINUTE_MS;

/** The business time a clock has used by `at`: what it had, plus its running stretch since on the calendar. */
export function elapsedAt(clock: SlaClockState, calendar: BusinessCalendar, at: Date): number {
  if (clock.state !== 'running' || clock.runningSince === null) return clock.elapsedMs;
  return clock.elapsedMs + businessMsBetween(calendar, new Date(clock.runningSince), at);
}

/** What a new schedule of a clock starts from: its past, or nothing for a ticket being accepted. */
export interface ClockPast {
  readonly plan: number;
  readonly elapsedMs: number;
  readonly warned: boolean;
  readonly breached: boolean;
}

export const NEW_CLOCK: ClockPast = { plan: 0, elapsedMs: 0, warned: false, breached: false };

/** The past of a clock at `at`, for planning it again. */
export const pastOf = (clock: SlaClockState, calendar: BusinessCalendar, at: Date): ClockPast => ({
  plan: clock.plan,
  elapsedMs: elapsedAt(clock, calendar, at),
  warned: clock.warned,
  breached: clock.breached,
});

/**
 * The next schedule of a clock at `at`: the time it has used (kept across re-grades, pauses and
 * policy changes), whether it runs, and the instants a running clock warns and breaches on the
 * policy's calendar. A threshold already passed but never raised (a re-grade to a shorter target)
 * is due at once, so it is raised by its timer like any other; one raised before is not raised again.
 */
export function planClock(
  clock: SlaClockName,
  past: ClockPast,
  policy: SlaPolicySnapshot,
  priority: Priority,
  state: TicketSlaPlanned['data']['state'],
  ticketId: string,
  at: Date,
): TicketSlaPlanned {
  const targetMs = targetMsOf(policy, priority, clock);
  const warnMs = warnMsOf(policy, targetMs);
  const { warned, breached } = raisedFor(past, targetMs, warnMs);
  const due = (thresholdMs: number): string | null =>
    addBusinessMs(policy.calendar, at, Math.max(0, thresholdMs - past.elapsedMs)).toISOString();
  const running = state === 'running';
  return {
    type: 'TicketSlaPlanned',
    data: {
      ticketId,
      clock,
      plan: past.plan + 1,
      targetMs,
      elapsedMs: past.elapsedMs,
      state,
      warnAt: running && !warned && !breached && past.elapsedMs < targetMs ? due(warnMs) : null,
      breachAt: running && !breached ? due(targetMs) : null,
      policyVersion: policy.version,
      at: at.toISOString(),
    },
  };
}

/**
 * Whether the thresholds of a new target count as raised: a warning or breach raised before still
 * stands while the time used is past the new threshold; a longer target lifts it.
 */
export function raisedFor(
  past: { readonly elapsedMs: number; readonly warned: boolean; readonly breached: boolean },
  targetMs: number,
  warnMs: number,
): { readonly warned: boolean; readonly breached: boolean } {
  return {
    warned: past.warned && past.elapsedMs >= warnMs,
    breached: past.breached && past.elapsedMs >= targetMs,
  };
}

/** A clock as a reader sees it at `now`: used and left, at risk (warned) or breached. */
export interface ClockStanding {
  readonly clock: SlaClockName;
  readonly state: SlaClockState['state'];
  readonly plan: number;
  readonly targetMs: number;
  readonly elapsedMs: number;
  /** Negative once breached: how far past the target. */
  readonly remainingMs: number;
  readonly warnAt: string | null;
  readonly breachAt: string | null;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly stoppedAt: string | null;
  /** For a stopped (met) clock, whether it was met within its target; null while it runs. */
  readonly withinTarget: boolean | null;
}

export function clockStanding(clock: SlaClockState, calendar: BusinessCalendar, now: Date): ClockStanding {
  const elapsedMs = elapsedAt(clock, calendar, now);
  const breached = clock.breached || elapsedMs >= clock.targetMs;
  return {
    clock: clock.clock,
    state: clock.state,
    plan: clock.plan,
    targetMs: clock.targetMs,
    elapsedMs,
    remainingMs: clock.targetMs - elapsedMs,
    warnAt: clock.warnAt,
    breachAt: clock.breachAt,
    atRisk: !breached && (clock.warned || (clock.warnAt !== null && Date.parse(clock.warnAt) <= now.getTime())),
    breached: clock.state === 'stopped' ? elapsedMs > clock.targetMs : breached,
    stoppedAt: clock.stoppedAt,
    withinTarget: clock.state === 'stopped' ? elapsedMs <= clock.targetMs : null,
  };
}
