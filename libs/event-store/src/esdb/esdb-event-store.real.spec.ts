import { GenericContainer, Wait, getContainerRuntimeClient } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { describeEventStoreContract } from '../../test/event-store.contract.js';
import { EsdbEventStore } from './esdb-event-store.js';

/** Where the real server comes from: a given URL, a container we start, or nowhere. */
type RealServer =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'container' }
  | { readonly kind: 'none'; readonly reason: string };

const IMAGE = 'eventstore/eventstore:24.10';
const PORT = 2113;

async function findRealServer(): Promise<RealServer> {
  const url = process.env['EVENTSTORE_URL'];
  if (url) return { kind: 'url', url };
  try {
    await getContainerRuntimeClient();
    return { kind: 'container' };
  } catch (error) {
    return { kind: 'none', reason: error instanceof Error ? error.message : String(error) };
  }
}

// Decided before any describe is registered (top-level await), so that without a server
// the suite is reported as skipped rather than as passed. The reason goes straight to
// stderr: Jest drops the buffered console output of a skipped file when it runs several.
const server = await findRealServer();
if (server.kind === 'none') {
  process.stderr.write(`SKIPPED real EventStoreDB suite: no EVENTSTORE_URL and no Docker engine (${server.reason})\n`);
}
const describeWithServer = server.kind === 'none' ? describe.skip : describe;

describeWithServer(
  `EsdbEventStore on a real EventStoreDB (${server.kind === 'url' ? 'EVENTSTORE_URL' : IMAGE})`,
  () => {
    let container: StartedTestContainer | undefined;
    let connectionString = '';

    beforeAll(async () => {
      if (server.kind === 'url') {
        connectionString = server.url;
        return;
      }
      container = await new GenericContainer(IMAGE)
        .withEnvironment({
          EVENTSTORE_CLUSTER_SIZE: '1',
          EVENTSTORE_RUN_PROJECTIONS: 'All',
          EVENTSTORE_INSECURE: 'true',
          EVENTSTORE_MEM_DB: 'true',
        })
        .withExposedPorts(PORT)
        .withWaitStrategy(Wait.forHttp('/health/live', PORT).forStatusCode(204))
        .withStartupTimeout(120_000)
        .start();
      connectionString = `esdb://${container.getHost()}:${container.getMappedPort(PORT)}?tls=false`;
    }, 180_000);

    afterAll(async () => {
      await container?.stop();
    });

    describeEventStoreContract('EsdbEventStore on EventStoreDB', async () => {
      const store = new EsdbEventStore(connectionString);
      return { store, dispose: () => store.close() };
    });
  },
);
