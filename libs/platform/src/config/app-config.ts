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
  /** `esdb://…` selects EventStoreDB; absent = the embedded SQLite store in `dataDir`. */
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
  const jwtSecret = text('LTC_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('LTC_JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)');
  }
  const eventStoreUrl = text('EVENTSTORE_URL');
  if (
    eventStoreUrl !== undefined &&
    !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/.+/.test(eventStoreUrl)
  ) {
    problems.push(`EVENTSTORE_URL="${eventStoreUrl}" must start with esdb:// or esdb+discover://`);
  }
  const readModelUrl = text('READMODEL_URL');
  if (readModelUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(readModelUrl)) {
    problems.push(`READMODEL_URL must start with postgres:// or postgresql://`);
  }
  const config: AppConfig = {
    port,
    host: text('HOST') ?? '0.0.0.0',
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
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('AppConfig');
