import { createHash, randomUUID } from 'node:crypto';

/**
 * Turns a client's idempotency key into the command id stored in event metadata.
 * Keys are scoped by tenant and caller, so two users can never collide.
 */
export function commandIdFromKey(tenantId: string, callerId: string, key: string): string {
  return `cmd_${sha256(`${tenantId}\u0000${callerId}\u0000${key}`).slice(0, 40)}`;
}

export function newCommandId(): string {
  return `cmd_${randomUUID()}`;
}

/**
 * A stable id for an entity created by an idempotent command: a retry with the same key
 * targets the same stream, finds its own events there and returns the first response.
 * Formatted as a UUID (version nibble 8: "custom") so it looks like every other id.
 */
export function entityIdFromCommandId(commandId: string): string {
  const hex = sha256(`entity\u0000${commandId}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Fingerprint of a request body, to refuse a key reused for a different request. */
export function requestHash(body: unknown): string {
  return sha256(canonicalJson(body));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
