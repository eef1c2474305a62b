import type { RecordedEvent } from '#ltc/event-store';

/** How one event's handling ended: done, or a stop came first (the event stays unhandled). */
export type EventOutcome = 'handled' | 'stopped';

/** What happened to a batch: how far from its start every event is handled, and the first failure. */
export interface BatchOutcome {
  /**
   * The number of events from the batch's start that are all handled: the checkpoint may
   * move to the last of them and no further. Events after it may have been handled too
   * (on other partitions); they run again after a restart, which their keyed effects allow.
   */
  readonly handledPrefix: number;
  readonly failure: Error | undefined;
}

/**
 * Handles a batch with up to `concurrency` events at a time. Events of one partition run
 * one after another in log order; events of different partitions may overlap, so the
 * commands they send share the store's group commits. An event without a partition
 * (`partitionOf` gives undefined) is a barrier: it starts once everything before it is
 * done, and nothing after it starts before it is. A failure or a stop lets the events in
 * hand finish and starts no new one.
 */
export async function handlePartitioned(
  events: readonly RecordedEvent[],
  partitionOf: (event: RecordedEvent) => string | undefined,
  concurrency: number,
  handle: (event: RecordedEvent) => Promise<EventOutcome>,
): Promise<BatchOutcome> {
  const handled = new Array<boolean>(events.length).fill(false);
  let halted = false;
  let failure: Error | undefined;

  const run = async (index: number): Promise<void> => {
    const event = events[index];
    if (halted || !event) return;
    try {
      if ((await handle(event)) === 'handled') handled[index] = true;
      else halted = true;
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
      halted = true;
    }
  };

  let start = 0;
  while (start < events.length && !halted) {
    const first = events[start];
    if (first && partitionOf(first) === undefined) {
      await run(start);
      start += 1;
      continue;
    }
    let end = start;
    const partitions = new Map<string, number[]>();
    for (; end < events.length; end++) {
      const event = events[end];
      const key = event ? partitionOf(event) : undefined;
      if (key === undefined) break;
      const queue = partitions.get(key);
      if (queue) queue.push(end);
      else partitions.set(key, [end]);
    }
    // Partitions in order of their first event, so the oldest work starts first.
    const pending = [...partitions.values()];
    const lane = async (): Promise<void> => {
      for (let queue = pending.shift(); queue && !halted; queue = pending.shift()) {
        for (const index of queue) {
          if (halted) return;
          await run(index);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, lane));
    start = end;
  }

  const gap = handled.indexOf(false);
  return { handledPrefix: gap === -1 ? events.length : gap, failure };
}
