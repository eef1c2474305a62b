import type { EventStore, EventSubscription } from '#ltc/event-store';

/** Cleanups registered during a test, run in reverse order after it. */
export class Cleanup {
  private readonly tasks: (() => unknown)[] = [];

  add(task: () => unknown): void {
    this.tasks.push(task);
  }

  async run(): Promise<void> {
    const tasks = this.tasks.splice(0).reverse();
    for (const task of tasks) await task();
  }
}

/** The store, except that every subscription throws after delivering `failAfter` events. */
export function withFailingSubscriptions(store: EventStore, failAfter: number, message: string): EventStore {
  return {
    appendToStream: (stream, events, options) => store.appendToStream(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    readHeadPosition: () => store.readHeadPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
    subscribeToAll(options): EventSubscription {
      const inner = store.subscribeToAll(options);
      return {
        close: () => inner.close(),
        async *[Symbol.asyncIterator]() {
          let delivered = 0;
          for await (const event of inner) {
            if (delivered === failAfter) throw new Error(message);
            delivered += 1;
            yield event;
          }
        },
      };
    },
  };
}
