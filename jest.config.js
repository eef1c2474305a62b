import { existsSync } from 'node:fs';

// Jest runs the TypeScript sources as native ESM through SWC (transpile only;
// `npm run typecheck` is the type gate). See docs/adr/0001-esm-toolchain.md.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/**
 * CI's second Node (`LTC_TEST_SET=runtime`, see .ci/run) runs what a Node release can change:
 * every library and app spec (the store contracts on SQLite, PostgreSQL and the EventStoreDB wire
 * double, the native SQLite build, crypto, timers, streams) and the end-to-end files that drive
 * processes, signals, sockets, HTTP parsing, file locks and the command line. The business
 * scenarios over HTTP run the same JavaScript on any Node; they run once, on the first.
 */
const RUNTIME_E2E = [
  'build-freshness.spec.ts',
  'start-command.e2e-spec.ts',
  'split-processes.e2e-spec.ts',
  'crash-recovery.e2e-spec.ts',
  'one-background-runner.e2e-spec.ts',
  'store-choices.e2e-spec.ts',
  'composition-root.e2e-spec.ts',
  'http-conventions.e2e-spec.ts',
  'command-safety.e2e-spec.ts',
  'abuse-limits.e2e-spec.ts',
  'oidc-tokens.e2e-spec.ts',
  'personal-data-erasure.e2e-spec.ts',
  'export-events.e2e-spec.ts',
  // Static files and server-sent events to a real browser: CI requires this suite on every Node.
  'web-app.browser.e2e-spec.ts',
];
// A renamed or removed file must not drop out of the second Node's run unnoticed.
for (const file of RUNTIME_E2E) {
  if (!existsSync(new URL(`./test/${file}`, import.meta.url))) throw new Error(`jest.config.js: test/${file} is gone`);
}
const everySpec = ['<rootDir>/{apps,libs,test}/**/*.spec.ts', '<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'];
const runtimeSpecs = ['<rootDir>/{apps,libs}/**/*.spec.ts', ...RUNTIME_E2E.map((file) => `<rootDir>/test/${file}`)];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    // The decider spec helper has an entry of its own: the testing index loads the EventStoreDB
    // wire double and the PostgreSQL client (~1 s per spec file), which a pure decider spec never needs.
    '^#ltc/testing/decider-spec$': '<rootDir>/libs/testing/src/decider-spec.ts',
    // A context's published event contract (types only, so this matters only to a spec that names it).
    '^#ltc/([^/]+)/events$': '<rootDir>/libs/$1/src/events.ts',
    // A library's pure domain, for the other libraries of its context (a sub-domain's domain/ stays pure).
    '^#ltc/([^/]+)/domain$': '<rootDir>/libs/$1/src/domain/index.ts',
    // The leads context's descriptor, which composes its libraries (kept out of the lifecycle's index).
    '^#ltc/leads/context$': '<rootDir>/libs/leads/src/leads.context.ts',
    '^#ltc/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: process.env.LTC_TEST_SET === 'runtime' ? runtimeSpecs : everySpec,
  // Mutation testing copies the project into .stryker-tmp; those copies are not ours to run.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Suites share one PostgreSQL server and tmp folders; two workers match the 2-core machine.
  maxWorkers: 2,
};
