/**
 * Runs async sections strictly one after another, in the order they asked. For process
 * managers whose events are handled side by side (`partitionKey`) but that keep one
 * shared decision (e.g. which rep gets the next lead) whose read-decide-record must not
 * interleave with another's.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    // The next section waits for this one whether it succeeds or fails.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
