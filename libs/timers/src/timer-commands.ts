import { handleCommand, type CachedStreamState } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { SYSTEM_ACTOR } from '#ltc/projections';
import type { TimerCommand } from './domain/timer.commands.js';
import { timerDecider } from './domain/timer.decider.js';
import { parseTimerEvent } from './domain/timer-event-parser.js';
import type { TimerOrigin } from './domain/timer.events.js';
import type { TimerState } from './domain/timer.state.js';
import { timerStream } from './timer-stream.js';

/** Names the step in the command id: `timer:<timerId>:schedule` (and `:fire`, `:cancel`). */
const STEP: Readonly<Record<TimerCommand['type'], string>> = {
  ScheduleTimer: 'schedule',
  FireTimer: 'fire',
  CancelTimer: 'cancel',
};

/**
 * Runs a timer command through the generic command path, as the engine acting for the
 * timer's origin. Not idempotent by command id: a repeat must answer "nothing done"
 * (false), where a replay would answer with the first outcome; the decider makes every
 * repeat a no-op instead. Pass `loaded` when the caller has just folded the stream.
 * Returns true when the command appended its event.
 */
export async function runTimerCommand(
  store: EventStore,
  command: TimerCommand,
  origin: TimerOrigin,
  loaded?: CachedStreamState<TimerState>,
): Promise<boolean> {
  const outcome = await handleCommand(
    store,
    timerDecider,
    {
      command,
      stream: timerStream(command.timerId),
      commandId: `timer:${command.timerId}:${STEP[command.type]}`,
      idempotent: false,
      actor: SYSTEM_ACTOR,
      tenantId: origin.tenantId,
      correlationId: origin.correlationId,
      causationId: origin.causationId,
    },
    { parse: parseTimerEvent, ...(loaded ? { loaded } : {}) },
  );
  return outcome.events.length > 0;
}
