import { eventParser, type EventParser } from '#ltc/kernel';
import type { CommandToSend, TimerEvent, TimerOrigin, TimerScheduledData } from './timer.events.js';

/**
 * Narrows a stored event of a timer stream. A `TimerScheduled` is checked field by field
 * (its command and context came from whichever process manager scheduled it), so a
 * malformed one is refused here rather than sent later.
 */
export const parseTimerEvent: EventParser<TimerEvent> = eventParser<TimerEvent>(
  { TimerScheduled: true, TimerFired: true, TimerCancelled: true },
  (event) => (event.type === 'TimerScheduled' ? { type: event.type, data: parseTimerScheduled(event.data) } : event),
);

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
export function parseCommand(value: unknown): CommandToSend {
  if (!isRecord(value) || typeof value.type !== 'string' || !isRecord(value.payload)) {
    throw new Error('A timer command needs a string type and an object payload');
  }
  return { type: value.type, payload: value.payload };
}

function parseContext(value: unknown): TimerOrigin {
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
