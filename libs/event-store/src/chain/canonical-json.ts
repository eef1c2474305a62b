/**
 * A value's canonical JSON (RFC 8785, the JSON Canonicalization Scheme) as its JSON form
 * would have it: `canonicalJson(x)` equals the `canonicalize` package's output for
 * `JSON.parse(JSON.stringify(x))`, so an event's digest at append (from the values a
 * command produced) and at verification (from the values read back) agree.
 *
 * Written here rather than calling the package because every append pays for it: one pass,
 * no round trip through a JSON string, and object keys (the same few names in every event)
 * quoted once: about a third of the package's time per event. `canonical-json.spec.ts`
 * holds it to the package's output on generated values.
 *
 * Strings are JSON.stringify's and numbers ECMAScript's shortest form, as RFC 8785
 * prescribes; object keys are sorted by UTF-16 code units.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

/** The JSON text of a value, or undefined where JSON.stringify leaves the value out. */
function write(value: unknown, key: string | number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // For a finite number, String() is JSON.stringify's text (-0 included).
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : writeObject(value, key);
    case 'bigint':
      // As JSON.stringify: an event holding a bigint cannot be stored.
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      // undefined, functions and symbols
      return undefined;
  }
}

function writeObject(value: object, key: string | number): string | undefined {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write((toJSON as (key: string) => unknown).call(value, String(key)), key);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return write(value.valueOf(), key);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += write(value[index], index) ?? 'null';
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  const names = Object.keys(record);
  if (names.length > 1) names.sort();
  let text = '{';
  for (const name of names) {
    const member = write(record[name], name);
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += quotedKey(name) + ':' + member;
  }
  return text + '}';
}

const MAX_QUOTED_KEYS = 4_096;
const quotedKeys = new Map<string, string>();

/** A key as JSON text; events repeat a few names, so each is escaped once, not per event. */
function quotedKey(name: string): string {
  let quoted = quotedKeys.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    // Free-form keys (a custom field's name, say) must not grow this without bound.
    if (quotedKeys.size >= MAX_QUOTED_KEYS) quotedKeys.clear();
    quotedKeys.set(name, quoted);
  }
  return quoted;
}
