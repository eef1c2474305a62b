import { EventStoreUnavailableError, InMemoryEventStore, type EventMetadata, type EventStore } from '#ltc/event-store';
import { DomainError, NotFoundError, type Decider } from '#ltc/kernel';
import { handleCommand, type CommandEnvelope, type CommandHandlerOptions } from './command-handler.js';
import { ConcurrentModificationError, StaleRevisionError } from './command-errors.js';
import { StreamStateCache } from './stream-state.cache.js';

/**
 * The paths of the command loop a plain in-process run never takes: another writer
 * winning between read and append, a store failing, a decision with no events. The
 * races are made deterministic by a store that lets a rival append just before ours.
 */

/** Adds `by` in `times` events (a decision of several events), or nothing when `by` is 0. */
type Add = { by: number; times: number; limit: number };
type Added = { type: 'Added'; data: { by: number } };
const tally: Decider<Add, Added, number> = {
  initialState: () => 0,
  decide: (command, total) => {
    if (total + command.by * command.times > command.limit) throw new DomainError('LIMIT_REACHED', 'over the limit');
    if (command.by === 0) return [];
    return Array.from({ length: command.times }, () => ({ type: 'Added' as const, data: { by: command.by } }));
  },
  evolve: (total, event) => total + event.data.by,
};

const rivalMetadata: EventMetadata = {
  actor: { userId: 'rival', role: 'ar' },
  correlationId: 'rival',
  causationId: 'rival',
  commandId: 'rival-command',
  tenantId: 'acme',
  schemaVersion: 1,
};

let seq = 0;
function envelope(overrides: Partial<CommandEnvelope<Add>> = {}): CommandEnvelope<Add> {
  return {
    command: { by: 1, times: 1, limit: 1000 },
    stream: 'tally-1',
    commandId: `cmd-${++seq}`,
    idempotent: false,
    actor: { userId: 'u1', role: 'ar' },
    tenantId: 'acme',
    correlationId: 'corr',
    causationId: 'cause',
    ...overrides,
  };
}

/**
 * A store where a rival writer appends one event (+10) right before each of our first
 * `rivalWins` appends, so our append finds the stream moved. Counts our append attempts
 * and how many events each of our reads returned.
 */
class RacedStore {
  readonly inner = new InMemoryEventStore();
  attempts = 0;
  readonly eventsRead: number[] = [];
  /** How many of our next appends a rival beats. */
  constructor(public rivalWins: number) {}

  asStore(): EventStore {
    const inner = this.inner;
    return Object.assign(Object.create(inner) as EventStore, {
      appendToStream: (async (stream, events, options) => {
        this.attempts += 1;
        if (this.rivalWins > 0) {
          this.rivalWins -= 1;
          await inner.appendToStream(stream, [{ type: 'Added', data: { by: 10 }, metadata: rivalMetadata }]);
        }
        return inner.appendToStream(stream, events, options);
      }) satisfies EventStore['appendToStream'],
      readStream: (async (stream, options) => {
        const events = await inner.readStream(stream, options);
        this.eventsRead.push(events.length);
        return events;
      }) satisfies EventStore['readStream'],
    });
  }

  commandIds(): Promise<string[]> {
    return this.inner.readStream('tally-1').then((events) => events.map((e) => e.metadata.commandId));
  }
}

function run(store: EventStore, env: CommandEnvelope<Add>, options: CommandHandlerOptions<number> = {}) {
  return handleCommand(store, tally, env, options);
}

describe('Generic command handler › when another writer wins the race', () => {
  it('re-decides on the fresh state and appends after the rival, with exact revisions', async () => {
    const raced = new RacedStore(2);
    const outcome = await run(
      raced.asStore(),
      envelope({ commandId: 'mine', command: { by: 1, times: 2, limit: 1000 } }),
    );
    expect(raced.attempts).toBe(3);
    expect(await raced.commandIds()).toEqual(['rival-command', 'rival-command', 'mine', 'mine']);
    expect(outcome.revision).toBe(3n);
    expect(outcome.events.map((e) => [e.type, e.revision])).toEqual([
      ['Added', 2n],
      ['Added', 3n],
    ]);
    expect(outcome.replayed).toBe(false);
  });

  it('re-checks the invariant on the fresh state: the rival’s event can make it refuse', async () => {
    const raced = new RacedStore(1);
    await expect(run(raced.asStore(), envelope({ command: { by: 1, times: 1, limit: 5 } }))).rejects.toMatchObject({
      code: 'LIMIT_REACHED',
    });
    expect(raced.attempts).toBe(1);
    expect(await raced.commandIds()).toEqual(['rival-command']);
  });

  it('gives up after maxConflictRetries re-decisions with CONCURRENT_MODIFICATION and writes nothing', async () => {
    const raced = new RacedStore(Number.POSITIVE_INFINITY);
    const failure = run(raced.asStore(), envelope(), { maxConflictRetries: 2 });
    await expect(failure).rejects.toBeInstanceOf(ConcurrentModificationError);
    await expect(failure).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION', stream: 'tally-1' });
    expect(raced.attempts).toBe(3);
    expect(await raced.commandIds()).toEqual(['rival-command', 'rival-command', 'rival-command']);
  });

  it('re-decides five times by default', async () => {
    const raced = new RacedStore(Number.POSITIVE_INFINITY);
    await expect(run(raced.asStore(), envelope())).rejects.toBeInstanceOf(ConcurrentModificationError);
    expect(raced.attempts).toBe(6);
  });

  it('with If-Match, a rival append between read and write is a stale revision, never retried', async () => {
    const raced = new RacedStore(0);
    const store = raced.asStore();
    await run(store, envelope({ commandId: 'first' }));
    raced.rivalWins = 1;
    raced.attempts = 0;
    const failure = run(store, envelope({ expectedRevision: 0n }));
    await expect(failure).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(failure).rejects.toMatchObject({ code: 'REVISION_MISMATCH', expected: 0n, actual: 1n });
    expect(raced.attempts).toBe(1);
    expect(await raced.commandIds()).toEqual(['first', 'rival-command']);
  });

  it('passes a store failure through untouched, without retrying', async () => {
    const inner = new InMemoryEventStore();
    let attempts = 0;
    const failing = Object.assign(Object.create(inner) as EventStore, {
      appendToStream: (async () => {
        attempts += 1;
        throw new EventStoreUnavailableError('disk gone');
      }) satisfies EventStore['appendToStream'],
    });
    await expect(run(failing, envelope())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(attempts).toBe(1);
  });
});

describe('Generic command handler › outcomes and metadata', () => {
  it('a decision with no events appends nothing and answers the current revision', async () => {
    const store = new InMemoryEventStore();
    await run(store, envelope());
    const outcome = await run(store, envelope({ command: { by: 0, times: 1, limit: 1000 } }));
    expect(outcome).toEqual({ stream: 'tally-1', revision: 0n, events: [], replayed: false });
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });

  it('stamps each event with the schema version of its type (1 unless configured) and the request hash', async () => {
    const store = new InMemoryEventStore();
    await run(store, envelope({ commandId: 'v2', requestHash: 'hash-1' }), { schemaVersions: { Added: 2 } });
    await run(store, envelope({ commandId: 'v1' }));
    const [first, second] = await store.readStream('tally-1');
    expect(first?.metadata).toMatchObject({ schemaVersion: 2, requestHash: 'hash-1', commandId: 'v2' });
    expect(second?.metadata.schemaVersion).toBe(1);
    expect(second?.metadata).not.toHaveProperty('requestHash');
  });

  it('a replayed retry answers every event the command produced and the revision of its last one', async () => {
    const store = new InMemoryEventStore();
    const retried = envelope({ idempotent: true, commandId: 'triple', command: { by: 2, times: 3, limit: 1000 } });
    const first = await run(store, retried);
    await run(store, envelope());
    const replay = await run(store, retried);
    expect(replay).toEqual({ ...first, replayed: true });
    expect(replay.revision).toBe(2n);
  });

  it('replays a retry whose key arrives with or without a request hash when only one side has one', async () => {
    const store = new InMemoryEventStore();
    await run(store, envelope({ idempotent: true, commandId: 'hashed', requestHash: 'h1' }));
    await run(store, envelope({ idempotent: true, commandId: 'plain' }));
    const withoutHash = await run(store, envelope({ idempotent: true, commandId: 'hashed' }));
    const withHash = await run(store, envelope({ idempotent: true, commandId: 'plain', requestHash: 'h2' }));
    expect([withoutHash.replayed, withHash.replayed]).toEqual([true, true]);
    expect(await store.readStream('tally-1')).toHaveLength(2);
  });
});

describe('Generic command handler › streams that are missing or not the caller’s', () => {
  it('a command on an entity that must exist is a not-found naming it, and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const failure = run(store, envelope({ mustExist: { entity: 'Tally', id: 't-9' } }));
    await expect(failure).rejects.toBeInstanceOf(NotFoundError);
    await expect(failure).rejects.toMatchObject({ code: 'TALLY_NOT_FOUND', entity: 'Tally', id: 't-9' });
    expect(await store.readAll()).toEqual([]);
  });

  it('a command on an entity that exists goes ahead', async () => {
    const store = new InMemoryEventStore();
    await run(store, envelope());
    const outcome = await run(store, envelope({ mustExist: { entity: 'Tally', id: '1' } }));
    expect(outcome.revision).toBe(1n);
  });

  it('another tenant’s stream, with no entity named, is reported as a missing stream', async () => {
    const store = new InMemoryEventStore();
    await run(store, envelope());
    const failure = run(store, envelope({ tenantId: 'globex' }));
    await expect(failure).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND', entity: 'Stream', id: 'tally-1' });
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });
});

describe('Generic command handler › with a state cache', () => {
  it('folds only the events appended since it last looked, and remembers them', async () => {
    const raced = new RacedStore(0);
    const store = raced.asStore();
    const cache = new StreamStateCache<number>();
    await run(store, envelope({ command: { by: 5, times: 1, limit: 19 } }), { cache });
    await raced.inner.appendToStream('tally-1', [{ type: 'Added', data: { by: 3 }, metadata: rivalMetadata }]);
    raced.eventsRead.length = 0;

    // 5 + 3 = 8, so +10 fits under 19: a refold of the cached event would count 13 and refuse.
    await expect(run(store, envelope({ command: { by: 10, times: 1, limit: 19 } }), { cache })).resolves.toMatchObject({
      revision: 2n,
    });
    await expect(run(store, envelope({ command: { by: 1, times: 1, limit: 19 } }), { cache })).resolves.toMatchObject({
      revision: 3n,
    });
    expect(raced.eventsRead).toEqual([1, 0]);
    expect(cache.get('tally-1')).toMatchObject({ revision: 3n, state: 19, tenantId: 'acme' });
  });

  it('caches what a refused command read, so the next command reads nothing again', async () => {
    const raced = new RacedStore(0);
    const store = raced.asStore();
    const cache = new StreamStateCache<number>();
    await run(store, envelope({ commandId: 'c0', command: { by: 5, times: 1, limit: 8 } }), { cache });
    await raced.inner.appendToStream('tally-1', [{ type: 'Added', data: { by: 3 }, metadata: rivalMetadata }]);
    raced.eventsRead.length = 0;
    const overLimit = envelope({ command: { by: 1, times: 1, limit: 8 } });
    await expect(run(store, overLimit, { cache })).rejects.toMatchObject({ code: 'LIMIT_REACHED' });
    await expect(run(store, { ...overLimit, commandId: 'again' }, { cache })).rejects.toMatchObject({
      code: 'LIMIT_REACHED',
    });
    expect(raced.eventsRead).toEqual([1, 0]);
    const cached = cache.get('tally-1');
    expect(cached).toMatchObject({ revision: 1n, state: 8, tenantId: 'acme' });
    expect([...(cached?.commandIds ?? [])].sort()).toEqual(['c0', 'rival-command']);
  });
});
