import { InvalidInputError } from '#ltc/kernel';
import { decodePageCursor, encodePageCursor } from '#ltc/projections';

const RULE = 'historyCursor';

/** A history page's cursor: the position of the last entry it gave; anything else is a 400 on `cursor`. */
export function cursorOf(cursor: string | undefined): bigint | undefined {
  if (cursor === undefined) return undefined;
  const [position] = decodePageCursor(cursor, 1, RULE);
  if (position === undefined || !/^\d{1,20}$/.test(position)) {
    throw new InvalidInputError('cursor', RULE, 'cursor must be the nextCursor of a previous page');
  }
  return BigInt(position);
}

export const nextCursor = (position: string | null): string | null =>
  position === null ? null : encodePageCursor([position]);
