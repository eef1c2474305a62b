import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('defaults to the embedded store on port 3000 with durable SQLite', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.eventStoreUrl).toBeUndefined();
    expect(config.sqliteDurability).toBe('full');
    expect(config.role).toBe('all');
    expect(config.dataDir).toMatch(/data$/);
  });

  it('reports every bad value at once, naming the variable', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', EVENTSTORE_URL: 'http://x', LTC_JWT_SECRET: 'short', LTC_ROLE: 'both' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="eighty"/);
    expect(problems).toMatch(/EVENTSTORE_URL/);
    expect(problems).toMatch(/LTC_JWT_SECRET/);
    expect(problems).toMatch(/LTC_ROLE="both"/);
  });

  it('accepts an EventStoreDB and a PostgreSQL url', () => {
    const config = loadConfig({
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      READMODEL_URL: 'postgres://u@h/db',
    });
    expect(config.eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(config.readModelUrl).toBe('postgres://u@h/db');
  });

  it('accepts a PostgreSQL event store url, in either spelling', () => {
    for (const url of ['postgres://u@h/db?schema=events', 'postgresql://u@h/db']) {
      expect(loadConfig({ EVENTSTORE_URL: url }).eventStoreUrl).toBe(url);
    }
  });
});

describe('security configuration', () => {
  it('is off by default: no identity provider, no rate limit, no HSTS, 1 MiB bodies', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.writeRateLimit).toBeUndefined();
    expect(config.hstsMaxAgeSeconds).toBeUndefined();
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    expect(config.builtInTokens).toBe(true);
  });

  it("turns the engine's own tokens off only beside an identity provider", () => {
    const provider = { LTC_OIDC_ISSUER: 'https://id.example/realms/acme', LTC_OIDC_AUDIENCE: 'ltc-api' };
    expect(loadConfig({ ...provider, LTC_BUILTIN_TOKENS: 'off' }).builtInTokens).toBe(false);
    expect(() => loadConfig({ LTC_BUILTIN_TOKENS: 'off' })).toThrow(/LTC_BUILTIN_TOKENS=off needs LTC_OIDC_ISSUER/);
    expect(() => loadConfig({ ...provider, LTC_BUILTIN_TOKENS: 'no' })).toThrow(
      /LTC_BUILTIN_TOKENS="no" must be one of: on, off/,
    );
  });

  it("reads the metrics token and the worker's port, refusing a short token and a port out of range", () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({}).workerPort).toBeUndefined();
    const config = loadConfig({ LTC_METRICS_TOKEN: 'scrape-secret-0123456789', LTC_WORKER_PORT: '9464' });
    expect([config.metricsToken, config.workerPort]).toEqual(['scrape-secret-0123456789', 9464]);
    expect(() => loadConfig({ LTC_METRICS_TOKEN: 'short' })).toThrow(/LTC_METRICS_TOKEN must be 16 to 512/);
    expect(() => loadConfig({ LTC_METRICS_TOKEN: 'with a space 0123456789' })).toThrow(/without spaces/);
    expect(() => loadConfig({ LTC_WORKER_PORT: '70000' })).toThrow(/LTC_WORKER_PORT="70000" must be a whole number/);
    expect(() => loadConfig({ LTC_WORKER_PORT: 'x' })).toThrow(/LTC_WORKER_PORT="x"/);
  });

  it('reads an identity provider with its claims, a rate limit and HSTS', () => {
    const config = loadConfig({
      LTC_OIDC_ISSUER: 'https://id.example/realms/acme',
      LTC_OIDC_AUDIENCE: 'ltc-api',
      LTC_OIDC_ROLES_CLAIM: 'realm_access.roles',
      LTC_OIDC_DEFAULT_TENANT: 'acme',
      LTC_RATE_LIMIT: '120/min',
      LTC_HSTS_MAX_AGE: '31536000',
    });
    expect(config.oidc).toMatchObject({
      issuer: 'https://id.example/realms/acme',
      audience: 'ltc-api',
      rolesClaim: 'realm_access.roles',
      tenantClaim: 'tenant',
      userClaim: 'sub',
      defaultTenant: 'acme',
      jwksCooldownSeconds: 30,
    });
    expect(config.writeRateLimit).toEqual({ requests: 120, windowSeconds: 60 });
    expect(config.hstsMaxAgeSeconds).toBe(31536000);
  });

  it('reports an issuer without audience, plain-HTTP keys, a bad rate and a tiny body limit at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        LTC_OIDC_ISSUER: 'http://id.example',
        LTC_RATE_LIMIT: 'lots',
        LTC_MAX_BODY_BYTES: '12',
      });
    } catch (error) {
      caught = error;
    }
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/LTC_OIDC_AUDIENCE is required/);
    expect(problems).toMatch(/LTC_OIDC_ISSUER="http:\/\/id.example" must be an https:\/\/ URL/);
    expect(problems).toMatch(/LTC_RATE_LIMIT="lots"/);
    expect(problems).toMatch(/LTC_MAX_BODY_BYTES="12"/);
  });
});
