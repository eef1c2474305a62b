import pg from 'pg';
import type { HeadSignal } from '../head-signal.js';

/**
 * Wakes this process's subscriptions the moment another process commits: every append
 * transaction sends `pg_notify(channel, head)`, delivered at its commit, and a connection
 * of our own LISTENs for it. A notification can be lost with its connection, so the store
 * also polls the head, more slowly; a broken connection is opened again on the next poll.
 */
export class HeadListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly head: HeadSignal,
  ) {}

  /** Listens unless it already does (or is connecting); failures are left to the poll. */
  ensureListening(): void {
    if (this.client || this.connecting) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.payload) this.head.advance(BigInt(message.payload));
    });
    client.on('error', () => this.forget(client));
    client.on('end', () => this.forget(client));
    this.connecting = client
      .connect()
      .then(() => client.query(`listen "${this.channel}"`))
      .then(
        () => {
          this.client = client;
        },
        () => {
          void client.end().catch(() => undefined);
        },
      )
      .finally(() => {
        this.connecting = undefined;
      });
  }

  async stop(): Promise<void> {
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private forget(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
  }
}
