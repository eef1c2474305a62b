import type { DispatchableCommand } from '#ltc/commanding';
import type { Actor, EventFilter, RecordedEvent } from '#ltc/event-store';
import type { ReadModelDb } from './read-model-db.js';

/** The engine's own identity on commands sent by process managers and timers. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'system', role: 'system' });

/** Why a timer exists: copied into the metadata of what it causes. */
export interface TimerContext {
  readonly tenantId: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** A command to send at `dueAt`, durably. */
export interface ScheduleTimerRequest {
  /** Stable id chosen by the caller; scheduling the same id again is a no-op. */
  readonly timerId: string;
  readonly dueAt: Date;
  readonly command: DispatchableCommand;
  readonly context: TimerContext;
}

/**
 * What process managers need from durable timers (implemented by `TimerService` in
 * `#ltc/timers`; declared here so this library does not depend on that one).
 */
export interface TimerScheduling {
  schedule(request: ScheduleTimerRequest): Promise<unknown>;
  cancel(timerId: string, context?: Partial<TimerContext>): Promise<unknown>;
}

/** Options of one dispatch from a process manager. */
export interface DispatchOptions {
  /**
   * Names this dispatch inside the handler (`<pm>:<eventId>:<key>`). Without it the
   * n-th unnamed dispatch of a handler gets `<pm>:<eventId>` (n = 0) or
   * `<pm>:<eventId>:<n>`, so handlers must dispatch in a deterministic order.
   */
  readonly key?: string;
}

/** What a process manager may do in reaction to an event; every effect is idempotent. */
export interface ProcessManagerContext {
  /** Sends a command with an idempotency key derived from the triggering event. */
  dispatch(command: DispatchableCommand, options?: DispatchOptions): Promise<void>;
  /** Schedules a durable timer; the context (tenant, correlation, causation) comes from the event. */
  schedule(timer: Omit<ScheduleTimerRequest, 'context'>): Promise<void>;
  /** Cancels a timer; a no-op when it fired, was cancelled or never existed. */
  cancel(timerId: string): Promise<void>;
}

/**
 * Reacts to stored events by sending commands (a cross-context flow such as lead →
 * opportunity). Runs at-least-once from its own checkpoint: after a crash the last
 * events may be handled again, which is safe because every effect is keyed by the
 * triggering event.
 */
export interface ProcessManager {
  /** Unique among projections and process managers; keys the checkpoint row. */
  readonly name: string;
  readonly filter: EventFilter;
  /**
   * Where to begin when there is no checkpoint yet: `beginning` (default) reacts to
   * history too; `now` starts after the head, for a process manager added to a live
   * system that must not act on old events.
   */
  readonly startAt?: 'beginning' | 'now';
  /**
   * Lets the runner handle several events of a batch at once, so the commands they send
   * share the store's group commits instead of paying one commit each. Events with the
   * same key are handled one after another in log order (give the stream for "in order
   * per lead"); events with different keys may overlap. An event for which it returns
   * undefined waits for everything before it and holds back everything after it (e.g. a
   * change that touches every lead of a tenant). Without it, one event at a time.
   */
  readonly partitionKey?: (event: RecordedEvent) => string | undefined;
  /**
   * Creates the manager's own tables if missing. Called in every process before anything
   * reads them (an API-only process serves what the manager writes), and by the runner
   * before the manager's first event.
   */
  setup?(db: ReadModelDb): Promise<void>;
  /**
   * The manager's own tables when they are a fold of the events it reads (a ledger, what is
   * due, who was told): a rebuild resets them and folds the log again up to the manager's
   * checkpoint, with no effects, so they can be made again like a projection's rows.
   */
  readonly state?: ProcessManagerState;
  handle(event: RecordedEvent, ctx: ProcessManagerContext): Promise<void>;
}

/**
 * A process manager's own state, rebuildable from the log. Live, `handle` folds each event
 * into it itself (its decisions need the state in step with them, in the order it chooses);
 * a rebuild calls `evolve` alone, for every event of the manager's filter up to its
 * checkpoint, in log order. `evolve` must be deterministic and write only what the events
 * (and the manager's kept memory, such as stored decisions) say: then the rebuilt tables
 * equal the live ones.
 */
export interface ProcessManagerState {
  /** Code version of what `evolve` writes; a change rebuilds the state when the manager next starts. */
  readonly version: number;
  /** Deletes what `evolve` makes again (and nothing the manager must remember, like promises in flight). */
  reset(db: ReadModelDb): Promise<void>;
  /** Folds one event into the manager's tables, with no effects. */
  evolve(db: ReadModelDb, event: RecordedEvent): Promise<void>;
  /** After the fold: restores what is in flight beyond the checkpoint (optional). */
  afterRebuild?(db: ReadModelDb): Promise<void>;
}
