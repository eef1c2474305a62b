import type { JWTPayload } from 'jose';

/**
 * The value at a dotted path of a token's claims, e.g. `realm_access.roles` (Keycloak) or
 * `roles`. A claim whose own name contains dots (Auth0's namespaced
 * `https://example.com/roles`) is found too: the whole path is tried as one name first.
 */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A roles claim as a list of names: an array of strings, or one space- or comma-separated string. */
export function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
