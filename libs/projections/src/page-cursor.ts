import { InvalidInputError } from '#ltc/kernel';

/**
 * The opaque cursor of a keyset-paged list: base64url JSON of the last row's sort keys, as
 * strings. It holds no filter, so a page is always filtered as its request says.
 */
export const encodePageCursor = (keys: readonly string[]): string =>
  Buffer.from(JSON.stringify(keys)).toString('base64url');

/**
 * The sort keys of a cursor from `encodePageCursor`, exactly `length` strings; anything else is a
 * 400 on `cursor` with the list's own `rule` (a client's mistake, never a 500).
 */
export function decodePageCursor(
  cursor: string,
  length: number,
  rule: string,
  message = 'cursor must be the nextCursor of a previous page',
): string[] {
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(keys) && keys.length === length && keys.every((k) => typeof k === 'string')) return keys;
  } catch {
    // falls through to the 400 below
  }
  throw new InvalidInputError('cursor', rule, message);
}
