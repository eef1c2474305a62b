import { resolve } from 'node:path';

/** Which parts of the engine this process runs. `all` = API and worker in one process. */
export type ProcessRole = 'all' | 'api' | 'worker';

/** Configuration read once at start from environment variables; see README "Configuration". */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** HS256 secret; when absent one is generated in the data folder on first start. */
  readonly jwtSecret: string | undefined;
  /** `postgres://…` selects PostgreSQL, `esdb://…` EventStoreDB; absent = the embedded SQLite store in `dataDir`. */
  readonly eventStoreUrl: string | undefined;
  /** `postgres://…` selects PostgreSQL for read models; absent = SQLite in `dataDir`. */
  readonly readModelUrl: string | undefined;
  readonly role: ProcessRole;
  readonly sqliteDurability: 'full' | 'normal';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** False: this worker only builds read models (no process managers, no timers), e.g. a reporting replica. */
  readonly processManagers: boolean;
  /** Tenant given to the admin token printed on first start. */
  readonly defaultTenant: string;
  /** LTC_TOKEN_EXPIRY=optional: accept bearer tokens that carry no `exp` claim. */
  readonly allowTokensWithoutExpiry: boolean;
  /** LTC_OIDC_*: accept an identity provider's RS256/ES256 tokens beside the built-in HS256 ones. */
  readonly oidc: OidcConfig | undefined;
  /**
   * LTC_BUILTIN_TOKENS=off: refuse the engine's own HS256 tokens, so only the identity
   * provider's are accepted (a leaked signing secret then opens nothing). Needs LTC_OIDC_ISSUER.
   */
  readonly builtInTokens: boolean;
  /**
   * LTC_PERSONAL_DATA_KEY: base64 of 32 bytes, the master key that wraps every personal-data key
   * in the key store (ADR 0029); kept outside the data folder. Undefined: keys stored unwrapped.
   */
  readonly personalDataKey: Buffer | undefined;
  /** LTC_MAX_BODY_BYTES: the largest JSON request body (413 above); lead imports keep their own limit. */
  readonly maxBodyBytes: number;
  /** LTC_RATE_LIMIT: commands (POST/PUT/PATCH/DELETE) per caller and window; undefined = no limit. */
  readonly writeRateLimit: RateLimitConfig | undefined;
  /** LTC_HSTS_MAX_AGE: send Strict-Transport-Security with this max-age; only behind HTTPS. */
  readonly hstsMaxAgeSeconds: number | undefined;
  /** LTC_WORKER_PORT: the worker's port for `/health` and `/metrics`; undefined = the worker listens on none. */
  readonly workerPort: number | undefined;
  /**
   * LTC_METRICS_TOKEN: the bearer token a Prometheus scrape of `GET /metrics` sends (16+ characters).
   * Undefined: the route answers 404, since the counts tell business volumes to whoever reaches it.
   */
  readonly metricsToken: string | undefined;
}

/** An OpenID Connect provider whose access tokens the engine accepts. */
export interface OidcConfig {
  /** `iss` of its tokens; also where `/.well-known/openid-configuration` is found. */
  readonly issuer: string;
  /** `aud` the tokens must carry: the engine's client id or API identifier at the provider. */
  readonly audience: string;
  /** The JWKS address when it is not to be discovered from the issuer. */
  readonly jwksUrl: string | undefined;
  /** Dotted path of the claim with the roles, e.g. `realm_access.roles` (Keycloak). */
  readonly rolesClaim: string;
  readonly tenantClaim: string;
  /** Tenant of a token without the tenant claim (a single-tenant installation); undefined = such tokens get 401. */
  readonly defaultTenant: string | undefined;
  /** The claim naming the user (their id in assignments and in event metadata). */
  readonly userClaim: string;
  /** Least time between two key-set fetches caused by tokens with an unknown `kid`. */
  readonly jwksCooldownSeconds: number;
}

/** At most `requests` per `windowSeconds`, refilled evenly (a token bucket). */
export interface RateLimitConfig {
  readonly requests: number;
  readonly windowSeconds: number;
}

/** Every problem found in the environment at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}="${value}" must be one of: ${allowed.join(', ')}`);
    return fallback;
  };

  const portText = text('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    problems.push(`PORT="${portText}" must be a whole number from 0 to 65535`);
  }
  const workerPortText = text('LTC_WORKER_PORT');
  const workerPort = workerPortText === undefined ? undefined : Number(workerPortText);
  if (workerPortText !== undefined && (!/^\d+$/.test(workerPortText) || Number(workerPortText) > 65535)) {
    problems.push(`LTC_WORKER_PORT="${workerPortText}" must be a whole number from 0 to 65535`);
  }
  const jwtSecret = text('LTC_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('LTC_JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)');
  }
  const eventStoreUrl = text('EVENTSTORE_URL');
  if (
    eventStoreUrl !== undefined &&
    !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|postgres|postgresql):\/\/.+/.test(eventStoreUrl)
  ) {
    problems.push(
      `EVENTSTORE_URL="${eventStoreUrl}" must start with postgres://, postgresql://, esdb:// or esdb+discover://`,
    );
  }
  const readModelUrl = text('READMODEL_URL');
  if (readModelUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(readModelUrl)) {
    problems.push(`READMODEL_URL must start with postgres:// or postgresql://`);
  }
  const config = {
    port,
    host: text('HOST') ?? '0.0.0.0',
    workerPort,
    dataDir: resolve(text('LTC_DATA_DIR') ?? './data'),
    jwtSecret,
    eventStoreUrl,
    readModelUrl,
    role: oneOf('LTC_ROLE', ['all', 'api', 'worker'] as const, 'all'),
    sqliteDurability: oneOf('LTC_SQLITE_DURABILITY', ['full', 'normal'] as const, 'full'),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    defaultTenant: text('LTC_DEFAULT_TENANT') ?? 'default',
    processManagers: oneOf('LTC_PROCESS_MANAGERS', ['on', 'off'] as const, 'on') === 'on',
    allowTokensWithoutExpiry: oneOf('LTC_TOKEN_EXPIRY', ['required', 'optional'] as const, 'required') === 'optional',
  };
  const withSecurity: AppConfig = { ...config, ...securitySettings(text, problems) };
  if (problems.length > 0) throw new ConfigError(problems);
  return withSecurity;
}

type Text = (name: string) => string | undefined;

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const RATE_WINDOWS: Readonly<Record<string, number>> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hour: 3600 };

/** The identity provider, the body and rate limits and HSTS (README "Security"). */
function securitySettings(
  text: Text,
  problems: string[],
): Pick<
  AppConfig,
  | 'oidc'
  | 'builtInTokens'
  | 'personalDataKey'
  | 'maxBodyBytes'
  | 'writeRateLimit'
  | 'hstsMaxAgeSeconds'
  | 'metricsToken'
> {
  const wholeNumber = (name: string, fallback: number | undefined, min: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) && Number(value) >= min && Number.isSafeInteger(Number(value))) return Number(value);
    problems.push(`${name}="${value}" must be a whole number of at least ${min}`);
    return fallback;
  };
  const oidc = oidcSettings(text, problems, wholeNumber);
  const builtIn = text('LTC_BUILTIN_TOKENS') ?? 'on';
  if (builtIn !== 'on' && builtIn !== 'off') problems.push(`LTC_BUILTIN_TOKENS="${builtIn}" must be one of: on, off`);
  const builtInTokens = builtIn !== 'off';
  if (!builtInTokens && oidc === undefined) {
    problems.push('LTC_BUILTIN_TOKENS=off needs LTC_OIDC_ISSUER: without either kind of token nobody could sign in');
  }
  return {
    oidc,
    builtInTokens,
    personalDataKey: masterKey(text('LTC_PERSONAL_DATA_KEY'), problems),
    maxBodyBytes: wholeNumber('LTC_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024) ?? DEFAULT_MAX_BODY_BYTES,
    writeRateLimit: rateLimit(text('LTC_RATE_LIMIT'), problems),
    hstsMaxAgeSeconds: wholeNumber('LTC_HSTS_MAX_AGE', undefined, 1),
    metricsToken: metricsToken(text('LTC_METRICS_TOKEN'), problems),
  };
}

function metricsToken(value: string | undefined, problems: string[]): string | undefined {
  if (value !== undefined && !/^[\x21-\x7e]{16,512}$/.test(value)) {
    problems.push('LTC_METRICS_TOKEN must be 16 to 512 printable characters without spaces');
  }
  return value;
}

function oidcSettings(
  text: Text,
  problems: string[],
  wholeNumber: (name: string, fallback: number | undefined, min: number) => number | undefined,
): OidcConfig | undefined {
  const issuer = text('LTC_OIDC_ISSUER');
  if (issuer === undefined) {
    const stray = ['LTC_OIDC_AUDIENCE', 'LTC_OIDC_JWKS_URL'].filter((name) => text(name) !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(' and ')} need LTC_OIDC_ISSUER`);
    return undefined;
  }
  const audience = text('LTC_OIDC_AUDIENCE');
  if (audience === undefined) {
    problems.push('LTC_OIDC_AUDIENCE is required with LTC_OIDC_ISSUER: without it any token of the provider would do');
  }
  const jwksUrl = text('LTC_OIDC_JWKS_URL');
  for (const [name, url] of [
    ['LTC_OIDC_ISSUER', issuer],
    ['LTC_OIDC_JWKS_URL', jwksUrl],
  ] as const) {
    if (url !== undefined && !isTrustedUrl(url)) {
      problems.push(`${name}="${url}" must be an https:// URL (http:// only on localhost)`);
    }
  }
  return {
    issuer,
    audience: audience ?? '',
    jwksUrl,
    rolesClaim: text('LTC_OIDC_ROLES_CLAIM') ?? 'roles',
    tenantClaim: text('LTC_OIDC_TENANT_CLAIM') ?? 'tenant',
    defaultTenant: text('LTC_OIDC_DEFAULT_TENANT'),
    userClaim: text('LTC_OIDC_USER_CLAIM') ?? 'sub',
    jwksCooldownSeconds: wholeNumber('LTC_OIDC_JWKS_COOLDOWN', 30, 0) ?? 30,
  };
}

/** The master key of the personal-data keys: exactly 32 bytes, in base64. */
function masterKey(value: string | undefined, problems: string[]): Buffer | undefined {
  if (value === undefined) return undefined;
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length === 32) return bytes;
  problems.push('LTC_PERSONAL_DATA_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  return undefined;
}

/** Keys fetched over plain HTTP could be swapped on the way; only a loopback provider may skip TLS. */
function isTrustedUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** `120/min`, `10/s`, `1000/h`; `off` or absent = no limit. */
function rateLimit(value: string | undefined, problems: string[]): RateLimitConfig | undefined {
  if (value === undefined || value === 'off') return undefined;
  const match = /^(\d+)\s*\/\s*([a-z]+)$/.exec(value);
  const windowSeconds = match?.[2] === undefined ? undefined : RATE_WINDOWS[match[2]];
  const requests = Number(match?.[1]);
  if (windowSeconds === undefined || !(requests >= 1)) {
    problems.push(`LTC_RATE_LIMIT="${value}" must be requests per window such as 120/min, 10/s or 1000/h, or off`);
    return undefined;
  }
  return { requests, windowSeconds };
}

export const APP_CONFIG = Symbol('AppConfig');
