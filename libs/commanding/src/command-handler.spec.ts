import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { DomainError, type Decider } from '#ltc/kernel';
import { handleCommand, type CommandEnvelope } from './command-handler.js';
import { ConcurrentModificationError, IdempotencyKeyReusedError, StaleRevisionError } from './command-errors.js';
import { StreamStateCache } from './stream-state.cache.js';

/** A counter that refuses to go above a limit: enough to exercise every path of the handler. */
type Increment = { by: number; limit: number };
type Incremented = { type: 'Incremented'; data: { by: number } };
const counter: Decider<Increment, Incremented, number> = {
  initialState: () => 0,
  decide: (command, total) => {
    if (total + command.by > command.limit) throw new DomainError('LIMIT_REACHED', 'over the limit');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
  evolve: (total, event) => total + event.data.by,
};

let seq = 0;
function envelope(overrides: Partial<CommandEnvelope<Increment, number>> = {}): CommandEnvelope<Increment, number> {
  return {
    command: { by: 1, limit: 100 },
    stream: 'counter-1',
    commandId: `cmd-${++seq}`,
    idempotent: false,
    actor: { userId: 'u1', role: 'ar' },
    tenantId: 'acme',
    correlationId: 'corr',
    causationId: 'cause',
    ...overrides,
  };
}

const metadata: EventMetadata = {
  actor: { userId: 'other', role: 'ar' },
  correlationId: 'c',
  causationId: 'c',
  commandId: 'external',
  tenantId: 'acme',
  schemaVersion: 1,
};

describe.each([
  ['without a state cache', () => undefined],
  ['with a state cache', () => new StreamStateCache<number>()],
])('Generic command handler (%s)', (_name, makeCache) => {
  let store: InMemoryEventStore;
  let cache: StreamStateCache<number> | undefined;
  const run = (env: CommandEnvelope<Increment, number>) => handleCommand(store, counter, env, cache ? { cache } : {});

  beforeEach(() => {
    store = new InMemoryEventStore();
    cache = makeCache();
  });

  it('appends the decided events with the command metadata and answers the new revision', async () => {
    const outcome = await run(envelope());
    expect(outcome).toMatchObject({ revision: 0n, replayed: false, events: [{ type: 'Incremented', revision: 0n }] });
    const [stored] = await store.readStream('counter-1');
    expect(stored?.metadata).toMatchObject({ commandId: outcome.events.length ? `cmd-${seq}` : '', tenantId: 'acme' });
  });

  it('a retried idempotent command takes effect once and returns the first outcome', async () => {
    const env = envelope({ idempotent: true, commandId: 'cmd-retry', requestHash: 'h1' });
    const first = await run(env);
    await run(envelope());
    const retry = await run(env);
    expect(retry.replayed).toBe(true);
    expect(retry.events).toEqual(first.events);
    expect((await store.readStream('counter-1')).filter((e) => e.metadata.commandId === 'cmd-retry')).toHaveLength(1);
  });

  it('refuses a reused key with a different request', async () => {
    await run(envelope({ idempotent: true, commandId: 'k', requestHash: 'h1' }));
    await expect(run(envelope({ idempotent: true, commandId: 'k', requestHash: 'h2' }))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('a stale If-Match revision is refused and writes nothing', async () => {
    await run(envelope());
    await run(envelope());
    await expect(run(envelope({ expectedRevision: 0n }))).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('two concurrent commands with the same If-Match: exactly one wins', async () => {
    await run(envelope());
    const results = await Promise.allSettled([
      run(envelope({ expectedRevision: 0n })),
      run(envelope({ expectedRevision: 0n })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(StaleRevisionError);
  });

  it('without If-Match, concurrent commands re-decide on fresh state and the invariant holds', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => run(envelope({ command: { by: 1, limit: 6 } }))),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    expect(won).toBeGreaterThan(0);
    expect(won).toBeLessThanOrEqual(6);
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    for (const error of errors) {
      const code = (error as { code?: string }).code;
      expect(error instanceof ConcurrentModificationError || code === 'LIMIT_REACHED').toBe(true);
    }
    expect(await store.readStream('counter-1')).toHaveLength(won);
  });

  it('sees events another writer appended since it last looked', async () => {
    await run(envelope({ command: { by: 5, limit: 10 } }));
    await store.appendToStream('counter-1', [{ type: 'Incremented', data: { by: 5 }, metadata }]);
    await expect(run(envelope({ command: { by: 1, limit: 10 } }))).rejects.toMatchObject({ code: 'LIMIT_REACHED' });
  });

  it('reports another tenant’s stream as not found', async () => {
    await run(envelope());
    await expect(
      run(envelope({ tenantId: 'globex', mustExist: { entity: 'Counter', id: '1' } })),
    ).rejects.toMatchObject({
      code: 'COUNTER_NOT_FOUND',
    });
  });

  describe('the visibleTo check (entities the caller may not see)', () => {
    // The counter stands for an entity the caller may see only while its total is below 2.
    const belowTwo = { mustExist: { entity: 'Counter', id: '1' }, visibleTo: (total: number) => total < 2 };

    it('answers an entity the caller may not see exactly like a missing one, and writes nothing', async () => {
      await expect(run(envelope({ mustExist: belowTwo.mustExist }))).rejects.toMatchObject({
        code: 'COUNTER_NOT_FOUND',
      });
      await run(envelope());
      await run(envelope());
      const refusals = [envelope(belowTwo), envelope({ ...belowTwo, expectedRevision: 0n })];
      for (const refused of refusals) {
        await expect(run(refused)).rejects.toMatchObject({ code: 'COUNTER_NOT_FOUND', message: expect.any(String) });
      }
      expect(await store.readStream('counter-1')).toHaveLength(2);
    });

    it('lets a caller who may see the entity act, and replays their earlier command after it went out of sight', async () => {
      await run(envelope());
      const first = envelope({ ...belowTwo, idempotent: true, commandId: 'seen', requestHash: 'h1' });
      const accepted = await run(first);
      await run(envelope());
      const retry = await run(first);
      expect(retry).toMatchObject({ replayed: true, events: accepted.events });
      expect(await store.readStream('counter-1')).toHaveLength(3);
    });
  });

  describe('the beforeAppend step (side effects such as reserving a unique contact)', () => {
    it('runs once with the decided events, before they are appended', async () => {
      const seen: string[] = [];
      const stored = async () => (await store.readStream('counter-1')).length;
      await run(
        envelope({
          beforeAppend: async (events) => {
            seen.push(`${events.map((e) => e.type).join(',')} with ${await stored()} stored`);
          },
        }),
      );
      expect(seen).toEqual(['Incremented with 0 stored']);
      expect(await stored()).toBe(1);
    });

    it('never runs for a replay, a reused key, a stale If-Match or a refused decision', async () => {
      const calls: string[] = [];
      const counting = (name: string) => ({ beforeAppend: async () => void calls.push(name) });
      const first = envelope({ idempotent: true, commandId: 'k', requestHash: 'h1' });
      await run(first);
      calls.length = 0;
      await run({ ...first, ...counting('replay') });
      await expect(run({ ...first, requestHash: 'h2', ...counting('reused') })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      await expect(run(envelope({ expectedRevision: 7n, ...counting('stale') }))).rejects.toBeInstanceOf(
        StaleRevisionError,
      );
      await expect(run(envelope({ command: { by: 500, limit: 10 }, ...counting('refused') }))).rejects.toMatchObject({
        code: 'LIMIT_REACHED',
      });
      expect(calls).toEqual([]);
    });

    it('a throwing step refuses the command and nothing is appended', async () => {
      const refusal = new DomainError('TAKEN', 'taken');
      await expect(run(envelope({ beforeAppend: () => Promise.reject(refusal) }))).rejects.toBe(refusal);
      expect(await store.readStream('counter-1')).toHaveLength(0);
    });
  });
});
