/** A dotted path into an event's data, e.g. `contact.email` or `changes.notes.before`. */
export type FieldPath = string;

/** The value at `path`, or undefined when a step of it is missing. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let current: unknown = data;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/**
 * A copy of `data` with the value at `path` replaced; `data` itself is left alone (events
 * are shared between readers). Only the objects on the path are copied.
 */
export function withValueAt<Data>(data: Data, path: FieldPath, value: unknown): Data {
  const [step, ...rest] = path.split('.');
  if (step === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  if (!(step in record)) return data;
  const next = rest.length === 0 ? value : withValueAt(record[step], rest.join('.'), value);
  return { ...record, [step]: next } as Data;
}
