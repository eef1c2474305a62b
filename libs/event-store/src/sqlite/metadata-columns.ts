import type { Actor, EventMetadata } from '../recorded-event.js';
import { COLUMN, type EventRowValues } from './event-columns.js';

/**
 * An event's metadata as the `events` table holds it: every field `EventMetadata` names in
 * a column of its own, so a read builds the object without parsing JSON and audit queries
 * can use an index. `null` means the field is not in its column: it was absent, or its
 * value did not have the column's type and travels in `other_metadata` instead, with any
 * field the type does not name (JSON, `null` when there is none).
 */
export interface MetadataColumns {
  readonly tenant_id: string | null;
  readonly actor_user_id: string | null;
  readonly actor_role: string | null;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly command_id: string | null;
  readonly schema_version: bigint | null;
  readonly request_hash: string | null;
  readonly other_metadata: string | null;
}

type Fields = Readonly<Record<string, unknown>>;

/** Splits metadata into its columns; what cannot go into one lands in `other_metadata`. */
export function metadataToColumns(metadata: EventMetadata): MetadataColumns {
  const fields = asFields(metadata);
  const actor = actorOf(fields.actor);
  const columns: Writable<MetadataColumns> = {
    tenant_id: textOf(fields.tenantId),
    actor_user_id: actor?.userId ?? null,
    actor_role: actor?.role ?? null,
    correlation_id: textOf(fields.correlationId),
    causation_id: textOf(fields.causationId),
    command_id: textOf(fields.commandId),
    schema_version: integerOf(fields.schemaVersion),
    request_hash: textOf(fields.requestHash),
    other_metadata: null,
  };
  columns.other_metadata = otherFieldsJson(fields, columns);
  return columns;
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * The column each named field goes to (the actor: its user id's). Built once, not per
 * event: appends look up every field of every event here.
 */
const COLUMN_OF_FIELD = new Map<string, keyof MetadataColumns>([
  ['actor', 'actor_user_id'],
  ['tenantId', 'tenant_id'],
  ['correlationId', 'correlation_id'],
  ['causationId', 'causation_id'],
  ['commandId', 'command_id'],
  ['schemaVersion', 'schema_version'],
  ['requestHash', 'request_hash'],
]);

/** Whether the field named `key` went into a column of its own (`null` there means it did not). */
function inItsColumn(key: string, columns: MetadataColumns): boolean {
  const column = COLUMN_OF_FIELD.get(key);
  return column !== undefined && columns[column] !== null;
}

/**
 * The metadata object back from its columns: the same fields and values as the object that
 * was appended went through JSON (the named fields first, in the order the engine writes them).
 */
export function metadataFromRow(row: EventRowValues): EventMetadata {
  const fields: Record<string, unknown> = {};
  const userId = row[COLUMN.actor_user_id];
  const role = row[COLUMN.actor_role];
  if (userId !== null && role !== null) fields.actor = { userId, role } satisfies Actor;
  const correlationId = row[COLUMN.correlation_id];
  if (correlationId !== null) fields.correlationId = correlationId;
  const causationId = row[COLUMN.causation_id];
  if (causationId !== null) fields.causationId = causationId;
  const commandId = row[COLUMN.command_id];
  if (commandId !== null) fields.commandId = commandId;
  const tenantId = row[COLUMN.tenant_id];
  if (tenantId !== null) fields.tenantId = tenantId;
  const schemaVersion = row[COLUMN.schema_version];
  // Stored only when it is a safe integer, so Number() is exact.
  if (schemaVersion !== null) fields.schemaVersion = Number(schemaVersion);
  const requestHash = row[COLUMN.request_hash];
  if (requestHash !== null) fields.requestHash = requestHash;
  const other = row[COLUMN.other_metadata];
  if (other !== null) addOwnFields(fields, JSON.parse(other) as Fields);
  return fields as unknown as EventMetadata;
}

function asFields(metadata: unknown): Fields {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new TypeError('Event metadata must be an object');
  }
  return metadata as Fields;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Only a safe integer: anything else (NaN, 1.5, 2^60) keeps JSON's reading of it. */
function integerOf(value: unknown): bigint | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : null;
}

/** An actor with exactly `userId` and `role`, both text; any other shape stays JSON. */
function actorOf(value: unknown): Actor | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { userId, role } = value as Fields;
  if (typeof userId !== 'string' || typeof role !== 'string' || Object.keys(value).length !== 2) return undefined;
  return { userId, role };
}

function otherFieldsJson(fields: Fields, columns: MetadataColumns): string | null {
  let other: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    // Undefined is dropped, as JSON.stringify drops it.
    if (inItsColumn(key, columns) || fields[key] === undefined) continue;
    // No prototype: a field named `__proto__` stays a field, as in JSON.
    (other ??= Object.create(null) as Record<string, unknown>)[key] = fields[key];
  }
  return other === undefined ? null : JSON.stringify(other);
}

/** Defined rather than assigned, so that a field named `__proto__` is a field, as JSON.parse makes it. */
function addOwnFields(target: Record<string, unknown>, source: Fields): void {
  for (const key of Object.keys(source)) {
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
}
