/**
 * Runs `task` for every item with at most `limit` in flight, results in item order.
 * Items that share a key run one after another, in item order: two rows of one file with
 * the same email must not race, or which of them becomes the lead (and which the
 * duplicate, or the touch on a lead not yet written) would be left to chance.
 *
 * `task` is expected to settle every item itself (report, not throw); a throw rejects the
 * whole run.
 */
export async function runKeyedPool<Item, Result>(
  items: readonly Item[],
  options: { readonly limit: number; readonly keysOf: (item: Item) => readonly string[] },
  task: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(items.length);
  // The last task started for each key; the next one with that key waits for it.
  const tails = new Map<string, Promise<unknown>>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as Item;
      const keys = options.keysOf(item);
      const before = keys.map((key) => tails.get(key)).filter((p) => p !== undefined);
      const run = before.length === 0 ? task(item) : Promise.all(before).then(() => task(item));
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      for (const key of keys) tails.set(key, settled);
      results[index] = await run;
      for (const key of keys) if (tails.get(key) === settled) tails.delete(key);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.limit, items.length)) }, worker));
  return results;
}
