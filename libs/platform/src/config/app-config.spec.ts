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
});
