import pg from 'pg';
import type { EventFilter } from '../event-store.port.js';
import type { RecordedEvent } from '../recorded-event.js';
import { EVENT_COLUMNS, type EventRowValues } from '../sqlite/event-columns.js';
import { toRecordedEvent } from '../sqlite/event-row.js';

const COLUMNS = EVENT_COLUMNS.join(', ');
const INT8_OID = 20;

/** int8 (positions, revisions, times) as a bigint: positions must never pass through a double. */
export const exactBigints = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string): bigint => BigInt(value)
      : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser,
};

/**
 * The reads of the PostgreSQL store. Each one is a single statement, so it reads one snapshot;
 * the statements are named, so each connection plans them once.
 */
export class PostgresEventQueries {
  private readonly streamSql: string;
  private readonly logSql: string;
  private readonly headSql: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    this.streamSql = `select ${COLUMNS} from ${schema}.events where stream = $1 and revision >= $2 order by revision limit $3`;
    this.logSql = `select ${COLUMNS} from ${schema}.events
      where position > $1 and position <= $2
        and ($3::text[] is null or type = any($3))
        and ($4::text[] is null or exists (select from unnest($4::text[]) as p(prefix) where starts_with(stream, p.prefix)))
      order by position limit $5`;
    this.headSql = `select coalesce(max(position), 0) from ${schema}.events`;
  }

  async readStream(stream: string, fromRevision: bigint, maxCount: number | undefined): Promise<RecordedEvent[]> {
    const rows = await this.rows('stream', this.streamSql, [stream, fromRevision.toString(), limitOf(maxCount)]);
    return rows.map(toRecordedEvent);
  }

  /** Events with `after < position <= upTo` that pass the filter, in position order. */
  async readLog(
    after: bigint,
    upTo: bigint | undefined,
    filter: EventFilter | undefined,
    maxCount: number | undefined,
  ): Promise<RecordedEvent[]> {
    const types = filter?.eventTypes?.length ? filter.eventTypes : null;
    const prefixes = filter?.streamPrefixes?.length ? filter.streamPrefixes : null;
    const rows = await this.rows('log', this.logSql, [
      after.toString(),
      (upTo ?? MAX_POSITION).toString(),
      types,
      prefixes,
      limitOf(maxCount),
    ]);
    return rows.map(toRecordedEvent);
  }

  /** Position of the newest event, 0n when the log is empty. */
  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<[bigint]>({
      name: `${this.schema}.head`,
      text: this.headSql,
      rowMode: 'array',
    });
    return rows[0]?.[0] ?? 0n;
  }

  private async rows(name: string, text: string, values: unknown[]): Promise<EventRowValues[]> {
    const result = await this.pool.query({ name: `${this.schema}.${name}`, text, values, rowMode: 'array' });
    // The columns are EVENT_COLUMNS, each int8 parsed as a bigint (`exactBigints`).
    return result.rows as unknown as EventRowValues[];
  }
}

const MAX_POSITION = 9_223_372_036_854_775_807n;

/** PostgreSQL's LIMIT NULL reads everything. */
function limitOf(maxCount: number | undefined): number | null {
  return maxCount === undefined ? null : Math.max(0, Math.floor(maxCount));
}
