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
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts', '<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
  // Mutation testing copies the project into .stryker-tmp; those copies are not ours to run.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Suites share one PostgreSQL server and tmp folders; two workers match the 2-core machine.
  maxWorkers: 2,
};
