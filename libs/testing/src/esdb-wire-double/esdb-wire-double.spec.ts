import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  StreamNotFoundError,
  UnavailableError,
  eventTypeFilter,
  jsonEvent,
} from '@eventstore/db-client';
import type { AllStreamResolvedEvent, AllStreamSubscription, Position } from '@eventstore/db-client';
import { startEsdbWireDouble } from './esdb-wire-double.server.js';
import type { EsdbWireDouble } from './esdb-wire-double.server.js';

// These pin the server behaviours the EventStoreDB adapter depends on, through the real
// client, so that a change to the double that drifts from the server shows up here.

let double: EsdbWireDouble;
let client: EventStoreDBClient;

beforeAll(async () => {
  double = await startEsdbWireDouble();
  client = EventStoreDBClient.connectionString(double.connectionString);
  for (let index = 0; index < 40; index += 1) {
    await client.appendToStream(
      `tick-${index % 2}`,
      jsonEvent({ type: index < 3 ? 'Started' : 'Ticked', data: { index } }),
    );
  }
});

afterAll(async () => {
  await client.dispose();
  await double.stop();
});

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

function positionOf(resolved: AllStreamResolvedEvent | undefined): Position {
  if (!resolved?.event) throw new Error('expected an event');
  return resolved.event.position;
}

function nextEvent(subscription: AllStreamSubscription): Promise<AllStreamResolvedEvent> {
  return new Promise((resolve, reject) => {
    subscription.once('data', resolve);
    subscription.once('error', reject);
  });
}

describe('EventStoreDB wire double', () => {
  it('reads $all inclusively from a position, but subscribes strictly after it', async () => {
    const all = await collect(client.readAll({ maxCount: 3 }));
    const from = positionOf(all[1]);
    expect(from.commit).toBe(from.prepare);

    const read = await collect(client.readAll({ fromPosition: from, maxCount: 1 }));
    expect(positionOf(read[0])).toEqual(from);
    const subscription = client.subscribeToAll({ fromPosition: from });
    expect(positionOf(await nextEvent(subscription))).toEqual(positionOf(all[2]));
    await subscription.unsubscribe();
  });

  it('reads $all backwards from the end, newest first', async () => {
    const [newest] = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    expect(positionOf(newest)).toEqual({
      commit: double.storedEvents().at(-1)?.position,
      prepare: double.storedEvents().at(-1)?.position,
    });
  });

  it('reports an unknown stream as not found', async () => {
    await expect(collect(client.readStream('tick-missing'))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('filters a subscription server-side and sends checkpoints past skipped events', async () => {
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      filter: eventTypeFilter({
        prefixes: ['Start'],
        checkpointReached: (_, position) => void checkpoints.push(position),
      }),
    });
    const started = [await nextEvent(subscription), await nextEvent(subscription), await nextEvent(subscription)];
    expect(started.map((e) => e.event?.type)).toEqual(['Started', 'Started', 'Started']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The client asks for a checkpoint every 32 scanned events (its default window).
    expect(checkpoints).toEqual([
      { commit: double.storedEvents()[31]?.position, prepare: double.storedEvents()[31]?.position },
    ]);
    await subscription.unsubscribe();
  });

  it('ends live subscriptions with UNAVAILABLE when told to drop them', async () => {
    const subscription = client.subscribeToAll({ fromPosition: END });
    const failed = new Promise<unknown>((resolve) => subscription.once('error', resolve));
    await new Promise<void>((resolve) => subscription.once('confirmation', resolve));
    expect(double.liveSubscriptionCount()).toBe(1);

    double.dropSubscriptions();
    expect(await failed).toBeInstanceOf(UnavailableError);
    expect(double.liveSubscriptionCount()).toBe(0);
  });

  it('answers what it does not model with UNIMPLEMENTED rather than pretending', async () => {
    await expect(client.deleteStream('tick-0')).rejects.toThrow(/UNIMPLEMENTED/);
  });
});
