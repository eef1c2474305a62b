import { InvalidInputError } from '#ltc/kernel';

/** Deeper than any body a route reads; bounds the work (and the stack) spent on a hostile one. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that would reach an object's prototype once copied with `Object.assign`, a spread
 * into a class instance or a merge: no route has a field by these names, so they are
 * refused as unknown fields rather than silently stripped.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses a JSON request body. An empty body is "no body" (`undefined`), so a command that
 * needs no fields needs no `-d '{}'`; anything else must be JSON that passes {@link inspectJson}.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    // JSON.parse defines `__proto__` as an own key (it never sets the prototype); inspectJson refuses it.
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError('body', 'json', `body is not valid JSON: ${reason}`);
  }
  inspectJson(value, 'body');
  return value;
}

/**
 * Refuses what no route's schema can describe, naming where it was found: prototype keys,
 * strings (or keys) that are not well-formed Unicode, and nesting deeper than {@link MAX_JSON_DEPTH}.
 * Iterative, so a hostile depth cannot overflow the stack before the limit is seen.
 */
export function inspectJson(root: unknown, rootName: string): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth } = next;
    const name = path === '' ? rootName : path;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) throw notWellFormed(name);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new InvalidInputError(name, 'maxDepth', `${name} nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : ownEntries(value);
    for (const [key, child] of entries) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(value)) {
        if (PROTOTYPE_KEYS.has(key)) {
          throw new InvalidInputError(childPath, 'unknownField', `${childPath} is not a known field`);
        }
        if (LONE_SURROGATE.test(key)) throw notWellFormed(childPath);
      }
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}

function ownEntries(value: object): (readonly [string, unknown])[] {
  // Object.keys lists an own `__proto__` key that JSON.parse or a query parser created.
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
}

function notWellFormed(field: string): InvalidInputError {
  return new InvalidInputError(
    field,
    'wellFormedUnicode',
    `${field} must be well-formed Unicode (it holds a lone surrogate)`,
  );
}
