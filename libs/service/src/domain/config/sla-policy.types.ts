import { ALWAYS, type BusinessCalendar } from '../clock/business-calendar.js';
import type { SlaPolicySnapshot } from '../service-vocabulary.js';

/**
 * Everything a ticket keeps of a policy, as a service manager writes it (the snapshot a ticket
 * copies, before the id, version and resolved calendar are added); a new version replaces it whole.
 * `calendarId` null: around the clock (24x7).
 */
export type SlaPolicyDefinition = Omit<SlaPolicySnapshot, 'policyId' | 'version' | 'calendarVersion' | 'calendar'> & {
  readonly name: string;
};

/** A policy as configured: its definition with the id and version it was stored under. */
export interface SlaPolicyConfig extends SlaPolicyDefinition {
  readonly policyId: string;
  readonly version: number;
}

export const DEFAULT_WARN_AT_PERCENT = 75;
export const DEFAULT_REOPEN_WINDOW_DAYS = 7;

/**
 * The tenant's `default` policy before anyone configures it (version 0), so tickets can be
 * accepted from the first day without set-up. Around the clock (no calendar), in minutes:
 *
 * | priority | first response | resolution      |
 * |----------|----------------|-----------------|
 * | P1       | 30             | 240 (4 h)       |
 * | P2       | 60             | 480 (8 h)       |
 * | P3       | 240 (4 h)      | 1440 (1 day)    |
 * | P4       | 480 (8 h)      | 2880 (2 days)   |
 *
 * Waiting for the customer pauses the clocks (a third party does not); a clock warns at 75 %
 * and both a warning and a breach notify the group lead; internal tasks get 120 minutes on
 * line 1, 240 on line 2 and 480 on line 3; the resolver may verify their own resolution; a
 * closed ticket can be reopened for 7 days.
 */
export const DEFAULT_SLA_POLICY: SlaPolicyDefinition = {
  name: 'Default',
  targets: {
    P1: { responseMinutes: 30, resolutionMinutes: 240 },
    P2: { responseMinutes: 60, resolutionMinutes: 480 },
    P3: { responseMinutes: 240, resolutionMinutes: 1440 },
    P4: { responseMinutes: 480, resolutionMinutes: 2880 },
  },
  calendarId: null,
  pauseOn: ['customer'],
  warnAtPercent: DEFAULT_WARN_AT_PERCENT,
  escalations: [
    { on: 'warning', clock: 'any', action: 'notify_group_lead' },
    { on: 'breach', clock: 'any', action: 'notify_group_lead' },
  ],
  ola: { byLine: { 1: 120, 2: 240, 3: 480 }, byKind: {} },
  independentVerification: false,
  reopenWindowDays: DEFAULT_REOPEN_WINDOW_DAYS,
};

/** A definition as a client sends it (`PUT /sla-policies/{id}`, a what-if proposal): defaulted fields may be left out. */
export type SlaPolicyInput = Omit<SlaPolicyDefinition, 'warnAtPercent' | 'reopenWindowDays' | 'ola'> & {
  readonly warnAtPercent?: number | undefined;
  readonly reopenWindowDays?: number | undefined;
  readonly ola: {
    readonly byLine: SlaPolicyDefinition['ola']['byLine'];
    readonly byKind?: SlaPolicyDefinition['ola']['byKind'] | undefined;
  };
};

/**
 * The definition with its defaults filled in, field by field in the one canonical order (an
 * unchanged definition is recognised by comparing them, see `sameJson`).
 */
export const withSlaPolicyDefaults = (input: SlaPolicyInput): SlaPolicyDefinition => ({
  name: input.name,
  targets: input.targets,
  calendarId: input.calendarId,
  pauseOn: input.pauseOn,
  warnAtPercent: input.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT,
  escalations: input.escalations,
  ola: { byLine: input.ola.byLine, byKind: input.ola.byKind ?? {} },
  independentVerification: input.independentVerification,
  reopenWindowDays: input.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS,
});

/** The calendar a policy version runs on, as resolved when the snapshot is taken. */
export interface ResolvedCalendar {
  readonly calendarVersion: number | null;
  readonly calendar: BusinessCalendar;
}

export const AROUND_THE_CLOCK: ResolvedCalendar = { calendarVersion: null, calendar: ALWAYS };

/** The policy version as a ticket keeps it: its own copy, the calendar resolved in. */
export function slaPolicySnapshot(config: SlaPolicyConfig, resolved: ResolvedCalendar): SlaPolicySnapshot {
  return {
    policyId: config.policyId,
    version: config.version,
    targets: config.targets,
    calendarId: config.calendarId,
    calendarVersion: config.calendarId === null ? null : resolved.calendarVersion,
    calendar: config.calendarId === null ? ALWAYS : resolved.calendar,
    pauseOn: config.pauseOn,
    warnAtPercent: config.warnAtPercent,
    escalations: config.escalations,
    ola: config.ola,
    independentVerification: config.independentVerification,
    reopenWindowDays: config.reopenWindowDays,
  };
}
