import { runKeyedPool } from './keyed-pool.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runKeyedPool', () => {
  it('returns results in item order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 40 }, (_, i) => i);
    const results = await runKeyedPool(items, { limit: 4, keysOf: () => [] }, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick((i * 7) % 5);
      inFlight--;
      return i * 2;
    });
    expect(results).toEqual(items.map((i) => i * 2));
    expect(most).toBe(4);
  });

  it('runs items sharing a key one after another, in item order, while others proceed', async () => {
    const log: string[] = [];
    // a1 holds its key until b2 is done (or, should the pool wrongly hold b2 back, for a while):
    // the order is decided by the pool, not by which timer a loaded machine fires first.
    let b2Done: () => void = () => undefined;
    const afterB2 = new Promise<void>((resolve) => {
      b2Done = resolve;
      setTimeout(resolve, 2_000);
    });
    const items = [
      { id: 'a1', keys: ['email:a'], wait: () => afterB2 },
      { id: 'b1', keys: ['email:b'], wait: () => tick(1) },
      { id: 'a2', keys: ['phone:1', 'email:a'], wait: () => tick(1) },
      { id: 'c1', keys: ['phone:1'], wait: () => tick(1) },
      { id: 'b2', keys: ['email:b'], wait: () => tick(1) },
    ];
    await runKeyedPool(items, { limit: 5, keysOf: (item) => item.keys }, async (item) => {
      log.push(`start ${item.id}`);
      await item.wait();
      log.push(`end ${item.id}`);
      if (item.id === 'b2') b2Done();
    });
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start c1')).toBeGreaterThan(log.indexOf('end a2'));
    expect(log.indexOf('start b2')).toBeGreaterThan(log.indexOf('end b1'));
    expect(log.indexOf('end b2')).toBeLessThan(log.indexOf('end a1'));
  });

  it('handles no items', async () => {
    expect(await runKeyedPool([], { limit: 16, keysOf: () => [] }, async () => 1)).toEqual([]);
  });
});
