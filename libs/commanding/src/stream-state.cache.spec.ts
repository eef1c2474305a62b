import { StreamStateCache, type CachedStreamState } from './stream-state.cache.js';

const entry = (revision: bigint, state = Number(revision)): CachedStreamState<number> => ({
  revision,
  state,
  tenantId: 'acme',
  commandIds: new Set([`cmd-${revision.toString()}`]),
});

describe('Stream state cache', () => {
  it('keeps exactly `capacity` streams, dropping the least recently used', () => {
    const cache = new StreamStateCache<number>(2);
    cache.set('a', entry(0n));
    cache.set('b', entry(0n));
    expect(cache.size).toBe(2);
    cache.set('c', entry(0n));
    expect(cache.size).toBe(2);
    expect([cache.get('a'), cache.get('b')?.revision, cache.get('c')?.revision]).toEqual([undefined, 0n, 0n]);
  });

  it('counts a read as a use: the stream read last survives the next eviction', () => {
    const cache = new StreamStateCache<number>(2);
    cache.set('a', entry(0n));
    cache.set('b', entry(0n));
    expect(cache.get('a')?.revision).toBe(0n);
    cache.set('c', entry(0n));
    expect([cache.get('a')?.revision, cache.get('b'), cache.get('c')?.revision]).toEqual([0n, undefined, 0n]);
  });

  it('counts an update as a use', () => {
    const cache = new StreamStateCache<number>(2);
    cache.set('a', entry(0n));
    cache.set('b', entry(0n));
    cache.set('a', entry(1n));
    cache.set('c', entry(0n));
    expect([cache.get('a')?.revision, cache.get('b'), cache.get('c')?.revision]).toEqual([1n, undefined, 0n]);
  });

  it('never moves a stream backwards, but accepts the same revision again', () => {
    const cache = new StreamStateCache<number>(2);
    cache.set('a', entry(3n));
    cache.set('a', entry(2n));
    expect(cache.get('a')).toEqual(entry(3n));
    cache.set('a', entry(3n, 99));
    expect(cache.get('a')?.state).toBe(99);
    expect(cache.size).toBe(1);
  });

  it('holds fifty thousand streams by default', () => {
    const cache = new StreamStateCache<number>();
    for (let i = 0; i <= 50_000; i++) cache.set(`s-${i}`, entry(0n));
    expect(cache.size).toBe(50_000);
    expect(cache.get('s-0')).toBeUndefined();
    expect(cache.get('s-1')?.revision).toBe(0n);
  });

  it('an unknown stream is a miss, and a miss takes no room', () => {
    const cache = new StreamStateCache<number>(1);
    cache.set('a', entry(0n));
    expect(cache.get('nothing')).toBeUndefined();
    expect(cache.size).toBe(1);
    expect(cache.get('a')?.revision).toBe(0n);
  });
});
