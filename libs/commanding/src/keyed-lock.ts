/**
 * Runs tasks that share a key one after another within this process. Every key of a task
 * is taken at once (registered synchronously before waiting), so tasks over several keys
 * cannot deadlock. Correctness across processes never rests on it (appends check the stream
 * revision; the contact reservation streams guard contacts); it saves work that would only
 * lose a race: commands on one stream in one process take turns instead of retrying against
 * each other, and captures of one contact see each other finished, so a loser always names a
 * lead that exists.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<Result>(keys: readonly string[], task: () => Promise<Result>): Promise<Result> {
    const unique = [...new Set(keys)];
    const before = unique.map((key) => this.tails.get(key)).filter((tail) => tail !== undefined);
    let release = (): void => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const key of unique) this.tails.set(key, done);
    try {
      await Promise.all(before);
      return await task();
    } finally {
      release();
      for (const key of unique) if (this.tails.get(key) === done) this.tails.delete(key);
    }
  }
}
