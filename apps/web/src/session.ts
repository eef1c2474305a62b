// Who is signed in: a bearer token kept in sessionStorage (gone when the tab closes), taken
// from a pasted token or from the sign-in link the API prints on first start (`/#token=…`).
// Framework-free so its rules have unit specs.

export const TOKEN_STORAGE_KEY = 'ltc.token';

/** What the web app shows of a token: read from its payload for display, never trusted (the API checks it). */
export interface SessionIdentity {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly tenant: string;
  /** Seconds since the epoch, when the token says. */
  readonly expiresAt?: number;
}

/**
 * The token of a sign-in link: the fragment `#token=<jwt>`. A fragment never reaches a server,
 * a proxy log or a Referer, which is why the link carries the token there and not in a query string.
 */
export function tokenFromFragment(hash: string): string | undefined {
  if (!hash.startsWith('#token=')) return undefined;
  const token = new URLSearchParams(hash.slice(1)).get('token')?.trim();
  return token ? token : undefined;
}

/** A pasted token, tolerating a copied `Bearer ` prefix and surrounding blanks. */
export function normaliseToken(pasted: string): string | undefined {
  const token = pasted.trim().replace(/^Bearer\s+/i, '');
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? token : undefined;
}

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The caller a token names (sub, roles, tenant), or undefined when it is not a readable JWT. */
export function identityOf(token: string): SessionIdentity | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    const roles = Array.isArray(claims['roles']) ? claims['roles'].filter((r) => typeof r === 'string') : [];
    const userId = typeof claims['sub'] === 'string' ? claims['sub'] : '';
    const tenant = typeof claims['tenant'] === 'string' ? claims['tenant'] : '';
    const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
    return { userId, roles, tenant, ...(exp !== undefined ? { expiresAt: exp } : {}) };
  } catch {
    return undefined;
  }
}

/** True when the token says it has expired (the API has the last word). */
export function hasExpired(identity: SessionIdentity, nowMs: number): boolean {
  return identity.expiresAt !== undefined && identity.expiresAt * 1000 <= nowMs;
}
