import { sql, type RawBuilder } from 'kysely';
import { InvalidInputError } from '#ltc/kernel';
import type { LeadListRow } from './lead-list.table.js';

export type LeadOrder = 'newest' | 'oldest' | 'priority';

type KeyValue = string | number;

/** One column (or expression) of a list order, and how to read its value off a row. */
interface SortKey {
  readonly sql: RawBuilder<unknown>;
  readonly direction: 'asc' | 'desc';
  readonly type: 'string' | 'number';
  valueOf(row: LeadListRow): KeyValue;
}

const capturedAt = (direction: 'asc' | 'desc'): SortKey => ({
  sql: sql`captured_at`,
  direction,
  type: 'string',
  valueOf: (row) => row.captured_at,
});
const leadId: SortKey = { sql: sql`lead_id`, direction: 'asc', type: 'string', valueOf: (row) => row.lead_id };

/**
 * Each order ends in `lead_id`, so the order is total and a cursor names one position.
 * Priority is the work order (docs/domain.md › Leads › Conversion): tier A first, then the highest score, then the
 * oldest; the expressions are the ones the priority indexes are built on (lead-list.table.ts).
 */
export const SORT_KEYS: Record<LeadOrder, readonly SortKey[]> = {
  newest: [capturedAt('desc'), leadId],
  oldest: [capturedAt('asc'), leadId],
  priority: [
    { sql: sql`coalesce(tier, 'Z')`, direction: 'asc', type: 'string', valueOf: (row) => row.tier ?? 'Z' },
    {
      sql: sql`coalesce(score, -1)`,
      direction: 'desc',
      type: 'number',
      valueOf: (row) => (row.score === null ? -1 : Number(row.score)),
    },
    capturedAt('asc'),
    leadId,
  ],
};

/**
 * An opaque cursor: the order and the sort-key values of the last lead of a page, in
 * base64url JSON. It holds no filter, so it stays valid whatever the filters; the order
 * it was made for must match (the keys would mean something else).
 */
export function encodeCursor(order: LeadOrder, row: LeadListRow): string {
  const keys = SORT_KEYS[order].map((key) => key.valueOf(row));
  return Buffer.from(JSON.stringify({ o: order, k: keys })).toString('base64url');
}

/** The sort-key values a cursor holds; a 400 naming `cursor` for anything this did not make. */
export function decodeCursor(order: LeadOrder, cursor: string): KeyValue[] {
  const invalid = (why: string): InvalidInputError =>
    new InvalidInputError('cursor', 'isLeadCursor', `cursor ${why}; send the nextCursor of the previous page`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor this list made');
  }
  const { o, k } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as { o?: unknown; k?: unknown };
  const keys = SORT_KEYS[order];
  if (typeof o !== 'string' || !Array.isArray(k) || k.length !== keys.length) {
    throw invalid('is not a cursor this list made');
  }
  if (o !== order) throw invalid(`was made for order=${o}, not order=${order}`);
  return keys.map((key, i) => {
    const value: unknown = k[i];
    if (typeof value !== key.type || (typeof value === 'number' && !Number.isSafeInteger(value))) {
      throw invalid('is not a cursor this list made');
    }
    return value as KeyValue;
  });
}

/**
 * Rows after the cursor's position, as `k1 >= v1 and (k1 > v1 or (k2 >= v2 and …))` (with
 * the comparisons flipped for descending keys): the leading `>=` is a range the index
 * seeks to, unlike a bare `or` of the same conditions, and it reads the same on both dialects.
 */
export function afterCursor(order: LeadOrder, values: readonly KeyValue[]): RawBuilder<boolean> {
  const keys = SORT_KEYS[order];
  const from = (i: number): RawBuilder<boolean> => {
    const key = keys[i];
    const value = values[i];
    if (!key || value === undefined) throw new Error('cursor keys out of step with the order');
    const strict = key.direction === 'asc' ? sql`>` : sql`<`;
    if (i === keys.length - 1) return sql<boolean>`${key.sql} ${strict} ${value}`;
    const loose = key.direction === 'asc' ? sql`>=` : sql`<=`;
    return sql<boolean>`${key.sql} ${loose} ${value} and (${key.sql} ${strict} ${value} or (${from(i + 1)}))`;
  };
  return from(0);
}
