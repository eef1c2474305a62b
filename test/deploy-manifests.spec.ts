import { readFileSync, readdirSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '#ltc/platform';

/**
 * The deployment files cannot run here (no Docker engine, no cluster), so this checks what can
 * be checked offline: they parse, they have the shape deploy/README.md promises, and every
 * engine container's environment is one the engine accepts and the README documents.
 */
const DEPLOY = new URL('../deploy/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, DEPLOY), 'utf8');

/** The variables the README's configuration table documents. */
const DOCUMENTED = new Set(
  [...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]*)` /gm)].map(
    (match) => match[1],
  ),
);
const ENGINE_VARIABLE = /^(LTC_[A-Z0-9_]+|EVENTSTORE_URL|READMODEL_URL|PORT|HOST|LOG_LEVEL)$/;

/** What the engine makes of an environment; throws what it would refuse to start with. */
function engineAccepts(env: Record<string, string>): void {
  const undocumented = Object.keys(env).filter((name) => ENGINE_VARIABLE.test(name) && !DOCUMENTED.has(name));
  expect({ undocumented }).toEqual({ undocumented: [] });
  loadConfig(env);
}

type Env = Record<string, string>;

describe('deploy/cluster/docker-compose.yml', () => {
  interface Service {
    environment?: Env;
    command?: string[];
    depends_on?: Record<string, unknown>;
    healthcheck?: { test: string[] };
  }
  const compose = parse(read('cluster/docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
  const services = compose.services;
  // Compose fills `${NAME:?message}` from the operator's environment.
  const filled = (env: Env = {}): Env =>
    Object.fromEntries(
      Object.entries(env).map(([name, value]) => [
        name,
        value.replace(/\$\{(\w+):\?[^}]*\}/g, (_, variable: string) =>
          variable === 'LTC_JWT_SECRET' ? 'x'.repeat(64) : 'scrape-secret-0123456789',
        ),
      ]),
    );

  it('runs a three-node EventStoreDB cluster, each node seeded with the other two', () => {
    const nodes = ['eventstore1', 'eventstore2', 'eventstore3'];
    for (const node of nodes) {
      const env = services[node]?.environment ?? {};
      expect({
        node,
        size: env['EVENTSTORE_CLUSTER_SIZE'],
        seeds: env['EVENTSTORE_GOSSIP_SEED']?.split(',').sort(),
      }).toEqual({
        node,
        size: '3',
        seeds: nodes.filter((other) => other !== node).map((other) => `${other}:2113`),
      });
      expect(env['EVENTSTORE_CERTIFICATE_FILE']).toBe(`/certs/node${node.slice(-1)}/node.crt`);
    }
  });

  it('runs two API replicas and two workers, all on the cluster and PostgreSQL, with settings the engine accepts', () => {
    const engines = ['api1', 'api2', 'worker1', 'worker2'];
    for (const name of engines) {
      const env = filled(services[name]?.environment);
      engineAccepts(env);
      expect(env['EVENTSTORE_URL']).toMatch(/^esdb:\/\/eventstore1:2113,eventstore2:2113,eventstore3:2113\?tls=true/);
      expect(env['READMODEL_URL']).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    }
    expect(['api1', 'api2'].map((name) => services[name]?.environment?.['LTC_ROLE'])).toEqual(['api', 'api']);
    for (const name of ['worker1', 'worker2']) {
      const worker = services[name];
      expect(worker?.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
      const port = worker?.environment?.['LTC_WORKER_PORT'];
      expect(worker?.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    }
  });

  it('puts nginx in front of both API replicas, streaming the live feed unbuffered and keeping /metrics in', () => {
    expect(Object.keys(services['proxy']?.depends_on ?? {}).sort()).toEqual(['api1', 'api2']);
    const nginx = read('cluster/nginx.conf');
    expect(nginx).toMatch(/server api1:3000[^;]*;\s*server api2:3000/);
    expect(nginx).toMatch(/location = \/live \{[^}]*proxy_buffering off;/);
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
  });
});

describe('deploy/k8s', () => {
  interface Container {
    env?: { name: string; value?: string }[];
    envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
    ports?: { name: string; containerPort: number }[];
    readinessProbe?: { httpGet?: { path: string; port: string } };
    livenessProbe?: { httpGet?: { path: string; port: string } };
    resources?: { requests?: { cpu?: string; memory?: string } };
  }
  interface Manifest {
    kind: string;
    metadata: { name: string; namespace?: string };
    data?: Env;
    spec?: {
      replicas?: number;
      selector?: Record<string, unknown>;
      template?: {
        metadata: { labels: Record<string, string> };
        spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
      };
    };
  }
  const manifests = readdirSync(new URL('k8s/', DEPLOY))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(read(`k8s/${file}`)).map((document) => document.toJS() as Manifest));
  const named = (kind: string, name: string): Manifest => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in deploy/k8s`);
    return found;
  };
  const config = named('ConfigMap', 'ltc-config').data ?? {};
  // What the operator puts in the ltc-secrets secret (deploy/k8s/config.yaml says how).
  const secrets = {
    LTC_JWT_SECRET: 'x'.repeat(64),
    LTC_METRICS_TOKEN: 'scrape-secret-0123456789',
    READMODEL_URL: 'postgres://ltc:secret@postgres:5432/ltc',
  };

  it('keeps every object in the ltc namespace', () => {
    expect(
      manifests.filter((m) => m.kind !== 'Namespace' && m.metadata.namespace !== 'ltc').map((m) => m.metadata.name),
    ).toEqual([]);
  });

  it.each([
    ['ltc-api', 'http', { LTC_ROLE: 'api' }],
    ['ltc-worker', 'ops', {}],
  ] as const)(
    '%s: two replicas, probes on /health, resource requests, a grace period and settings the engine accepts',
    (name, port, expected) => {
      const deployment = named('Deployment', name);
      const template = deployment.spec?.template;
      const container = template?.spec.containers[0];
      expect(deployment.spec?.replicas).toBe(2);
      expect(template?.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
      expect(container?.ports?.map((p) => p.name)).toContain(port);
      for (const probe of [container?.readinessProbe, container?.livenessProbe]) {
        expect(probe?.httpGet).toEqual({ path: '/health', port });
      }
      expect(container?.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container?.envFrom).toEqual([
        { configMapRef: { name: 'ltc-config' } },
        { secretRef: { name: 'ltc-secrets' } },
      ]);
      const own = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value ?? '']));
      expect(own).toMatchObject(expected);
      engineAccepts({ ...config, ...secrets, ...own });
      if (name === 'ltc-worker') {
        expect(Number(own['LTC_WORKER_PORT'])).toBe(container?.ports?.find((p) => p.name === 'ops')?.containerPort);
      }
    },
  );

  it('runs EventStoreDB as a three-node StatefulSet the engine discovers through its headless service', () => {
    const eventstore = named('StatefulSet', 'eventstore');
    const env = Object.fromEntries(
      (eventstore.spec?.template?.spec.containers[0]?.env ?? []).map((e) => [e.name, e.value]),
    );
    expect([eventstore.spec?.replicas, env['EVENTSTORE_CLUSTER_SIZE']]).toEqual([3, '3']);
    named('Service', 'eventstore-headless');
    expect(config['EVENTSTORE_URL']).toMatch(/^esdb\+discover:\/\/eventstore-headless\./);
  });

  it('selects pods that exist with every Service', () => {
    const labels = manifests.flatMap((m) => (m.spec?.template ? [m.spec.template.metadata.labels] : []));
    for (const service of manifests.filter((m) => m.kind === 'Service')) {
      const selector = (service.spec?.selector ?? {}) as Record<string, string>;
      const matches = labels.some((l) => Object.entries(selector).every(([key, value]) => l[key] === value));
      expect({ service: service.metadata.name, matches }).toEqual({ service: service.metadata.name, matches: true });
    }
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = parse(readFileSync(new URL('../.github/workflows/ci.yml', import.meta.url), 'utf8')) as {
    jobs: { test: { strategy: { matrix: { node: number[] } }; env: Env; steps: { run?: string }[] } };
  };
  const job = workflow.jobs.test;

  it('runs the README test command on Node 20 and 22 with PostgreSQL and the real EventStoreDB suite required', () => {
    expect(job.strategy.matrix.node).toEqual([20, 22]);
    expect(job.env).toMatchObject({ LTC_REQUIRE_POSTGRES: '1', LTC_REQUIRE_REAL_ESDB: '1' });
    const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm run lint',
        'npm run typecheck',
        'npm test -- --json --outputFile=jest-report.json',
        'node .ci/check-suites.mjs jest-report.json',
      ]),
    );
  });
});
