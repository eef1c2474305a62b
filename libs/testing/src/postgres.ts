import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where tests look for PostgreSQL unless `LTC_TEST_POSTGRES_URL` says otherwise. */
export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the test PostgreSQL answered, and if not, why. */
export interface PostgresAvailability {
  readonly available: boolean;
  readonly url: string;
  readonly reason?: string;
}

// The jest globals, typed here so this file also compiles in the production build
// (which has no jest types); jest injects them in every test module.
type SuiteBody = () => void;
interface JestRegistrars {
  describe: ((name: string, body: SuiteBody) => void) & { skip: (name: string, body: SuiteBody) => void };
  it: (name: string, body: () => void | Promise<void>) => void;
}

let probe: Promise<PostgresAvailability> | undefined;

/** The URL of the test PostgreSQL. */
export function testPostgresUrl(): string {
  return process.env.LTC_TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

/** Connects once (per test file) and runs `select 1`, within 3 s. */
export function postgresAvailable(): Promise<PostgresAvailability> {
  probe ??= (async () => {
    const url = testPostgresUrl();
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return { available: true, url };
    } catch (error) {
      return { available: false, url, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/**
 * Registers a suite that needs PostgreSQL; `await` it at the top level of the spec so
 * reachability is known before jest collects tests. When PostgreSQL does not answer,
 * the suite fails if `LTC_REQUIRE_POSTGRES=1` (CI), and is otherwise skipped with a
 * loud warning saying why.
 */
export async function describeWithPostgres(name: string, body: (url: string) => void): Promise<void> {
  const { describe, it } = globalThis as unknown as JestRegistrars;
  const status = await postgresAvailable();
  if (status.available) {
    describe(name, () => body(status.url));
    return;
  }
  const why = `PostgreSQL at ${status.url} is unreachable (${status.reason ?? 'unknown reason'})`;
  if (process.env.LTC_REQUIRE_POSTGRES === '1') {
    describe(name, () => {
      it('has the PostgreSQL it requires (LTC_REQUIRE_POSTGRES=1)', () => {
        throw new Error(`${why}; this suite must not be skipped here`);
      });
    });
    return;
  }
  console.warn(
    `\n*** SKIPPING "${name}": ${why}.\n*** Start PostgreSQL or set LTC_TEST_POSTGRES_URL; CI sets LTC_REQUIRE_POSTGRES=1 to fail instead.\n`,
  );
  // Skipped on purpose, and said so above: no PostgreSQL here and LTC_REQUIRE_POSTGRES is not set.
  describe.skip(name, () => body(status.url));
}

/** A throw-away schema; `drop()` removes it with everything in it. */
export interface TestSchema {
  readonly name: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named schema, so concurrent test files never see each other's tables. */
export async function createTestSchema(url: string = testPostgresUrl(), prefix = 'test'): Promise<TestSchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`create schema "${name}"`));
  return {
    name,
    drop: () => withClient(url, (client) => client.query(`drop schema if exists "${name}" cascade`)),
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
