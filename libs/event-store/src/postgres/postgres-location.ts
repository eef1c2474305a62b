/** Where the store's tables live: a connection URL and the schema that holds them. */
export interface PostgresLocation {
  /** The URL as the driver gets it, without our own `schema` parameter. */
  readonly connectionString: string;
  readonly schema: string;
}

/** The schema when the URL names none: the engine's own, so the store never writes to `public`. */
export const DEFAULT_EVENT_STORE_SCHEMA = 'ltc_events';

/** Lower-case, unquoted identifiers only: the name goes into DDL, channel names and lock keys. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** `postgres://…?schema=name`: the schema is ours to read; every other parameter is the driver's. */
export function postgresLocation(url: string): PostgresLocation {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? DEFAULT_EVENT_STORE_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid event-store schema "${schema}": use lower-case letters, digits and _ (at most 48)`);
  }
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** Whether the URL selects the PostgreSQL store. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
