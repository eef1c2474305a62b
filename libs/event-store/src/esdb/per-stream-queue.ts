/**
 * Runs the tasks given for one key one after another, and tasks of different keys freely.
 * The EventStoreDB adapter appends through it: an append reads its stream's tail to link
 * the chain, so two appends to one stream from this process would only race each other.
 */
export class PerStreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    // The last task of a key removes the entry, so idle streams hold no memory.
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }
}
