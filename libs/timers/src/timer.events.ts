import type { DispatchableCommand } from '#ltc/commanding';
import { streamName, type EventFilter, type EventMetadata, type RecordedEvent } from '#ltc/event-store';
import { SYSTEM_ACTOR, type TimerContext } from '#ltc/projections';

/**
 * A command was put in the diary: at `dueAt` the engine sends it once, unless the
 * timer is cancelled first (e.g. "escalate if nobody has called this lead within 5 minutes").
 */
export interface TimerScheduledData {
  readonly timerId: string;
  /** ISO-8601 UTC. */
  readonly dueAt: string;
  readonly command: DispatchableCommand;
  readonly context: TimerContext;
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

/** Any event of a timer stream. */
export type TimerEvent =
  | RecordedEvent<typeof TimerEventType.Scheduled, TimerScheduledData>
  | RecordedEvent<typeof TimerEventType.Fired, TimerFiredData>
  | RecordedEvent<typeof TimerEventType.Cancelled, TimerCancelledData>;

/** Every timer's events, and nothing else. */
export const TIMER_EVENTS_FILTER: EventFilter = {
  streamPrefixes: ['timer-'],
  eventTypes: Object.values(TimerEventType),
};

/** `timer-<timerId>`: one stream per timer, so its expected revision guards fire versus cancel. */
export function timerStream(timerId: string): string {
  return streamName('timer', timerId);
}

/** Metadata of a timer event: the engine acts, on behalf of whatever scheduled it. */
export function timerMetadata(timerId: string, step: string, context: TimerContext): EventMetadata {
  return {
    actor: SYSTEM_ACTOR,
    tenantId: context.tenantId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    commandId: `timer:${timerId}:${step}`,
    schemaVersion: 1,
  };
}

/** Reads a stored TimerScheduled payload, refusing anything malformed. */
export function parseTimerScheduled(data: unknown): TimerScheduledData {
  if (!isRecord(data)) throw new Error('TimerScheduled data is not an object');
  const { timerId, dueAt, command, context } = data;
  if (typeof timerId !== 'string' || typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt))) {
    throw new Error('TimerScheduled needs a timerId and an ISO dueAt');
  }
  return { timerId, dueAt, command: parseCommand(command), context: parseContext(context) };
}

/** Reads a stored command (from an event or the due_timers row). */
export function parseCommand(value: unknown): DispatchableCommand {
  if (!isRecord(value) || typeof value.type !== 'string' || !isRecord(value.payload)) {
    throw new Error('A timer command needs a string type and an object payload');
  }
  return { type: value.type, payload: value.payload };
}

function parseContext(value: unknown): TimerContext {
  if (
    !isRecord(value) ||
    typeof value.tenantId !== 'string' ||
    typeof value.correlationId !== 'string' ||
    typeof value.causationId !== 'string'
  ) {
    throw new Error('A timer context needs tenantId, correlationId and causationId');
  }
  return { tenantId: value.tenantId, correlationId: value.correlationId, causationId: value.causationId };
}

/** The timer id of any timer event. */
export function timerIdOf(data: unknown): string {
  if (!isRecord(data) || typeof data.timerId !== 'string') throw new Error('Timer event without a timerId');
  return data.timerId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
