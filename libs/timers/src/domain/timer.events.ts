import type { DomainEvent } from '#ltc/kernel';

/**
 * The command a timer sends when it is due, as data: a registered command type
 * (e.g. `lead.escalateResponse`) and its payload.
 */
export interface CommandToSend {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Why a timer exists: copied into the metadata of its events and of the command it sends. */
export interface TimerOrigin {
  readonly tenantId: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * A command was put in the diary: at `dueAt` the engine sends it once, unless the
 * timer is cancelled first (e.g. "escalate if nobody has called this lead within 5 minutes").
 */
export interface TimerScheduledData {
  readonly timerId: string;
  /** ISO-8601 UTC. */
  readonly dueAt: string;
  readonly command: CommandToSend;
  readonly context: TimerOrigin;
}

/**
 * The timer's time came and its command was sent. `failure` is set when the engine
 * gave up after repeated attempts; then the command did not take effect.
 */
export interface TimerFiredData {
  readonly timerId: string;
  /** ISO-8601 UTC, by the scheduler's clock. */
  readonly firedAt: string;
  readonly failure?: string;
}

/** The timer was called off before it fired (the awaited thing happened); its command is never sent. */
export interface TimerCancelledData {
  readonly timerId: string;
  /** ISO-8601 UTC. */
  readonly cancelledAt: string;
}

/** Event type names of the timer stream. */
export const TimerEventType = {
  Scheduled: 'TimerScheduled',
  Fired: 'TimerFired',
  Cancelled: 'TimerCancelled',
} as const;

export type TimerScheduled = DomainEvent<typeof TimerEventType.Scheduled, TimerScheduledData>;
export type TimerFired = DomainEvent<typeof TimerEventType.Fired, TimerFiredData>;
export type TimerCancelled = DomainEvent<typeof TimerEventType.Cancelled, TimerCancelledData>;

/** Any event of a timer stream. */
export type TimerEvent = TimerScheduled | TimerFired | TimerCancelled;
