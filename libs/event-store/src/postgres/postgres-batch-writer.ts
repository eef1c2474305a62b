import type pg from 'pg';
import { chainLink } from '../chain/event-chain.js';
import { WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult } from '../event-store.port.js';
import { satisfiesExpected } from '../expected-revision.js';
import type { Outcome } from '../group-commit.queue.js';
import { EVENT_COLUMNS, type EventColumn } from '../sqlite/event-columns.js';
import type { AppendRequest, NewEvent } from '../sqlite/event-row.js';

interface Tail {
  revision: bigint | undefined;
  chainHash: string | undefined;
}

/** The SQL type of each column's array in the insert's `unnest`. */
const ARRAY_TYPES: Readonly<Record<EventColumn, string>> = {
  position: 'bigint[]',
  stream: 'text[]',
  revision: 'bigint[]',
  id: 'text[]',
  type: 'text[]',
  data: 'text[]',
  tenant_id: 'text[]',
  actor_user_id: 'text[]',
  actor_role: 'text[]',
  correlation_id: 'text[]',
  causation_id: 'text[]',
  command_id: 'text[]',
  schema_version: 'bigint[]',
  request_hash: 'text[]',
  other_metadata: 'text[]',
  recorded_at: 'bigint[]',
  chain_hash: 'text[]',
};

type Rows = Record<EventColumn, (string | null)[]>;

/**
 * Writes one group-commit batch in one transaction. The transaction first takes the store's
 * append lock (an advisory lock held to its end), and only then reads the log's head and the
 * streams' tails: every append transaction of every process holds that lock from before it
 * reads the head until after its commit is visible, so positions are given in commit order,
 * gap-free, and a reader can never see a position before the ones below it (ADR 0032).
 * Each request is checked against its expected revision in arrival order, seeing the batch's
 * earlier requests, so a refused one writes nothing and leaves the others intact.
 */
export class PostgresBatchWriter {
  private readonly lockSql: string;
  private readonly tailsSql: string;
  private readonly insertSql: string;

  constructor(
    schema: string,
    private readonly channel: string,
  ) {
    this.lockSql = `select pg_advisory_xact_lock(hashtextextended('ltc-event-store-append:${schema}', 0))`;
    this.tailsSql = `select s.stream, t.revision, t.chain_hash, (select coalesce(max(position), 0) from ${schema}.events)
      from unnest($1::text[]) as s(stream)
      left join lateral (
        select revision, chain_hash from ${schema}.events e where e.stream = s.stream order by revision desc limit 1
      ) t on true`;
    const arrays = EVENT_COLUMNS.map((name, index) => `$${index + 1}::${ARRAY_TYPES[name]}`);
    this.insertSql = `with inserted as (
        insert into ${schema}.events (${EVENT_COLUMNS.join(', ')}) select * from unnest(${arrays.join(', ')})
      )
      select pg_notify($${EVENT_COLUMNS.length + 1}, $${EVENT_COLUMNS.length + 2})`;
  }

  async write(
    client: pg.ClientBase,
    batch: readonly AppendRequest[],
    recordedAt: number,
  ): Promise<Outcome<AppendResult>[]> {
    try {
      // One round trip for both; the lock is a statement of its own, so the next statement's
      // snapshot (the head and tails read) is taken after the lock is held.
      await client.query(`begin; ${this.lockSql}`);
      const { tails, head } = await this.readTails(client, batch);
      const rows = emptyRows();
      let position = head;
      const outcomes = batch.map((request): Outcome<AppendResult> => {
        const tail = tails.get(request.stream) ?? { revision: undefined, chainHash: undefined };
        if (!satisfiesExpected(request.expected, tail.revision)) {
          return { ok: false, error: new WrongExpectedRevisionError(request.stream, request.expected, tail.revision) };
        }
        let revision = tail.revision ?? -1n;
        for (const event of request.events) {
          revision += 1n;
          position += 1n;
          tail.chainHash = chainLink(tail.chainHash, request.stream, revision, event.digest);
          addRow(rows, { position, stream: request.stream, revision, recordedAt, event, chainHash: tail.chainHash });
        }
        tail.revision = revision;
        tails.set(request.stream, tail);
        return { ok: true, value: { nextRevision: revision, position } };
      });
      if (position > head) {
        const values = [...EVENT_COLUMNS.map((name) => rows[name]), this.channel, position.toString()];
        await client.query({ name: `${this.channel}.insert`, text: this.insertSql, values });
      }
      await client.query('commit');
      return outcomes;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  private async readTails(
    client: pg.ClientBase,
    batch: readonly AppendRequest[],
  ): Promise<{ tails: Map<string, Tail>; head: bigint }> {
    const streams = [...new Set(batch.map((request) => request.stream))];
    const { rows } = await client.query<[string, bigint | null, string | null, bigint]>({
      name: `${this.channel}.tails`,
      text: this.tailsSql,
      values: [streams],
      rowMode: 'array',
    });
    const tails = new Map<string, Tail>();
    let head = 0n;
    for (const [stream, revision, chainHash, known] of rows) {
      head = known;
      if (revision !== null) tails.set(stream, { revision, chainHash: chainHash ?? undefined });
    }
    return { tails, head };
  }
}

function emptyRows(): Rows {
  return Object.fromEntries(EVENT_COLUMNS.map((name) => [name, []])) as unknown as Rows;
}

interface RowValues {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly recordedAt: number;
  readonly event: NewEvent;
  readonly chainHash: string;
}

function addRow(rows: Rows, row: RowValues): void {
  const { event } = row;
  rows.position.push(row.position.toString());
  rows.stream.push(row.stream);
  rows.revision.push(row.revision.toString());
  rows.id.push(event.id);
  rows.type.push(event.type);
  rows.data.push(event.data);
  rows.tenant_id.push(event.tenant_id);
  rows.actor_user_id.push(event.actor_user_id);
  rows.actor_role.push(event.actor_role);
  rows.correlation_id.push(event.correlation_id);
  rows.causation_id.push(event.causation_id);
  rows.command_id.push(event.command_id);
  rows.schema_version.push(event.schema_version === null ? null : event.schema_version.toString());
  rows.request_hash.push(event.request_hash);
  rows.other_metadata.push(event.other_metadata);
  rows.recorded_at.push(String(row.recordedAt));
  rows.chain_hash.push(row.chainHash);
}
