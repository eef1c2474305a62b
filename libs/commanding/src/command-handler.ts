import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent, EventParser } from '#ltc/kernel';
import { NotFoundError } from '#ltc/kernel';
import type { Actor, EventStore, RecordedEvent } from '#ltc/event-store';
import { WrongExpectedRevisionError } from '#ltc/event-store';
import type { CachedStreamState, StreamStateCache } from './stream-state.cache.js';
import { ConcurrentModificationError, IdempotencyKeyReusedError, StaleRevisionError } from './command-errors.js';

/** Everything needed to run one command against one stream. */
export interface CommandEnvelope<Command, State = unknown> {
  readonly command: Command;
  readonly stream: string;
  /** Stored in every event the command produces; the same id on a retry means "already done". */
  readonly commandId: string;
  /** True when the client sent an idempotency key: a retry returns the first outcome. */
  readonly idempotent: boolean;
  readonly requestHash?: string;
  /** From `If-Match`: the revision the client last saw. A mismatch fails with 412, never retried. */
  readonly expectedRevision?: bigint;
  /** For commands on existing entities: an empty stream is a 404 for this entity name. */
  readonly mustExist?: { readonly entity: string; readonly id: string };
  /**
   * For callers who may act only on entities they may see: false on the stream's state answers
   * exactly like a missing stream (404 for `mustExist`), so the entity's existence does not leak.
   * Asked after a replayed retry is recognised (the caller's own accepted command keeps its
   * answer) and before If-Match, whose 412 would reveal the stream and its revision.
   */
  readonly visibleTo?: (state: State) => boolean;
  readonly actor: Actor;
  readonly tenantId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * Runs after every check passed and the decision is made, right before the append (again
   * on each conflict retry): for what must hold outside the stream, like reserving a unique
   * contact. Throwing refuses the command. It never runs for a replayed retry, a reused key,
   * a stale If-Match or a refused decision, so those write nothing anywhere.
   */
  readonly beforeAppend?: (events: readonly DomainEvent[]) => Promise<void>;
}

export interface CommandOutcome {
  readonly stream: string;
  /** The stream's revision after the command; undefined when the stream is still empty. */
  readonly revision: bigint | undefined;
  /** The events this command produced (on a replayed retry: the ones it produced the first time). */
  readonly events: readonly RecordedEventSummary[];
  /** True when this was a retry of a command that had already taken effect. */
  readonly replayed: boolean;
}

export interface RecordedEventSummary {
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
}

export interface CommandHandlerOptions<State = unknown, Event extends DomainEvent = DomainEvent> {
  /** How often to re-decide on fresh state when another writer won the race (no If-Match). */
  readonly maxConflictRetries?: number;
  /**
   * The shape version each event type is written with (metadata `schemaVersion`, default 1):
   * bump a type's version when its data changes shape, so its parser's upcaster knows which
   * shape a stored event has without guessing from the data.
   */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /**
   * The context's event parser (see `aggregateStream`): stored events are narrowed and upcast
   * through it, and types it does not know are left out of the fold. Without one, stored
   * events are taken as the decider's own.
   */
  readonly parse?: EventParser<Event>;
  /** Folded state of recent streams; commands then read only events newer than the cache. */
  readonly cache?: StreamStateCache<State>;
  /**
   * The stream as the caller has just folded it (`streamStateOf(await aggregateStream(…))`),
   * for a caller that needed the state before sending the command: the first attempt decides
   * on it instead of reading the stream again. Safe when it is already behind: the append
   * expects its revision, so a stream that moved on is a conflict, retried on a fresh read.
   */
  readonly loaded?: CachedStreamState<State>;
}

/**
 * The one generic command handler: load the stream, decide, append with the revision
 * that was read. Safe to retry (idempotency through the command id in event metadata,
 * checked against the stream itself, so it holds across crashes and restarts) and safe
 * under concurrency (the store's expected-revision check lets only one writer win).
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  envelope: CommandEnvelope<Command, State>,
  options: CommandHandlerOptions<State, Event> = {},
): Promise<CommandOutcome> {
  const maxRetries = options.maxConflictRetries ?? 5;
  let preloaded = options.loaded;
  for (let attempt = 0; ; attempt++) {
    const loaded = preloaded ?? (await loadStream(store, decider, envelope, options));
    const fromCaller = preloaded !== undefined;
    preloaded = undefined;
    if (loaded.tenantId !== undefined && loaded.tenantId !== envelope.tenantId) {
      // Another tenant's stream is reported exactly like a missing one: ids must not leak across tenants.
      throw new NotFoundError(envelope.mustExist?.entity ?? 'Stream', envelope.mustExist?.id ?? envelope.stream);
    }
    if (envelope.mustExist && loaded.revision === undefined) {
      throw new NotFoundError(envelope.mustExist.entity, envelope.mustExist.id);
    }
    if (envelope.idempotent && loaded.commandIds.has(envelope.commandId)) {
      const history = await store.readStream(envelope.stream);
      return replayOutcome(
        envelope,
        history.filter((e) => e.metadata.commandId === envelope.commandId),
      );
    }
    if (envelope.visibleTo && loaded.revision !== undefined && !envelope.visibleTo(loaded.state)) {
      throw new NotFoundError(envelope.mustExist?.entity ?? 'Stream', envelope.mustExist?.id ?? envelope.stream);
    }
    const current = loaded.revision;
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current) {
      // The caller's fold may be older than what the client saw: only the stream itself refuses with 412.
      if (fromCaller) continue;
      throw new StaleRevisionError(envelope.stream, envelope.expectedRevision, current);
    }
    const decided = decider.decide(envelope.command, loaded.state);
    if (decided.length === 0) return { stream: envelope.stream, revision: current, events: [], replayed: false };
    await envelope.beforeAppend?.(decided);

    const toAppend = decided.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        actor: envelope.actor,
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        commandId: envelope.commandId,
        tenantId: envelope.tenantId,
        schemaVersion: options.schemaVersions?.[event.type] ?? 1,
        ...(envelope.requestHash ? { requestHash: envelope.requestHash } : {}),
      },
    }));
    try {
      const result = await store.appendToStream(envelope.stream, toAppend, {
        expectedRevision: current ?? 'no_stream',
      });
      options.cache?.set(envelope.stream, {
        revision: result.nextRevision,
        state: decided.reduce((s, e) => decider.evolve(s, e), loaded.state),
        tenantId: envelope.tenantId,
        commandIds: new Set([...loaded.commandIds, envelope.commandId]),
      });
      const first = result.nextRevision - BigInt(toAppend.length) + 1n;
      return {
        stream: envelope.stream,
        revision: result.nextRevision,
        events: toAppend.map((e, i) => ({ id: e.id, type: e.type, data: e.data, revision: first + BigInt(i) })),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (envelope.expectedRevision !== undefined) {
        throw new StaleRevisionError(envelope.stream, envelope.expectedRevision, error.actual);
      }
      if (attempt >= maxRetries) throw new ConcurrentModificationError(envelope.stream);
    }
  }
}

interface LoadedStream<State> {
  readonly state: State;
  readonly revision: bigint | undefined;
  readonly tenantId: string | undefined;
  readonly commandIds: ReadonlySet<string>;
}

/** Folds the stream, starting from the cached state when there is one (reading only newer events). */
async function loadStream<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  envelope: CommandEnvelope<Command, State>,
  { cache, parse }: CommandHandlerOptions<State, Event>,
): Promise<LoadedStream<State>> {
  const cached = cache?.get(envelope.stream);
  const newer = await store.readStream(envelope.stream, cached ? { fromRevision: cached.revision + 1n } : undefined);
  const narrow = parse ?? ((e: RecordedEvent) => ({ type: e.type, data: e.data }) as Event);
  const state = newer.reduce((s, e) => {
    const event = narrow(e);
    return event ? decider.evolve(s, event) : s;
  }, cached?.state ?? decider.initialState());
  const commandIds = new Set(cached?.commandIds ?? []);
  for (const event of newer) commandIds.add(event.metadata.commandId);
  const loaded: LoadedStream<State> = {
    state,
    revision: newer.at(-1)?.revision ?? cached?.revision,
    tenantId: cached?.tenantId ?? newer[0]?.metadata.tenantId,
    commandIds,
  };
  if (cache && newer.length > 0 && loaded.revision !== undefined && loaded.tenantId !== undefined) {
    cache.set(envelope.stream, { ...loaded, revision: loaded.revision, tenantId: loaded.tenantId });
  }
  return loaded;
}

function replayOutcome<Command, State>(
  envelope: CommandEnvelope<Command, State>,
  earlier: RecordedEvent[],
): CommandOutcome {
  const firstHash = earlier[0]?.metadata.requestHash;
  if (envelope.requestHash && firstHash && firstHash !== envelope.requestHash) {
    throw new IdempotencyKeyReusedError();
  }
  return {
    stream: envelope.stream,
    revision: earlier.at(-1)?.revision,
    events: earlier.map((e) => ({ id: e.id, type: e.type, data: e.data, revision: e.revision })),
    replayed: true,
  };
}
