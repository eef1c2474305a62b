// Mutation testing (StrykerJS) for the core libraries and the contexts' domain code.
// One library per run, chosen by LTC_MUTATION_TARGET (scripts/test-mutation.sh sets it),
// so each run stays bounded on a small machine and its incremental file stays small.
// See docs/testing.md for how to run it and how to read the survivors.

const notLogic = ['!**/*.spec.ts', '!**/index.ts', '!**/*.module.ts'];

/** What each target mutates, and the unit/contract specs that must kill its mutants. */
const targets = {
  'event-store': {
    // The real-EventStoreDB spec needs a server that cannot run here; the wire double stands in.
    mutate: ['libs/event-store/src/**/*.ts'],
    tests: ['<rootDir>/libs/event-store/src/**/*.spec.ts'],
  },
  commanding: {
    mutate: ['libs/commanding/src/**/*.ts'],
    tests: ['<rootDir>/libs/commanding/src/**/*.spec.ts'],
  },
  projections: {
    mutate: ['libs/projections/src/**/*.ts'],
    tests: ['<rootDir>/libs/projections/test/**/*.spec.ts'],
  },
  timers: {
    mutate: ['libs/timers/src/**/*.ts'],
    // Without timers.crash.spec.ts: its child processes take seconds to start, and their
    // coverage is not seen; the in-process specs cover the same scheduler code.
    tests: [
      '<rootDir>/libs/timers/src/**/*.spec.ts',
      '<rootDir>/libs/timers/test/timers.spec.ts',
      '<rootDir>/libs/timers/test/timer-service.spec.ts',
      '<rootDir>/libs/timers/test/timer-scheduler.*.spec.ts',
    ],
  },
  // Every library of the leads context: the lifecycle and its parts (scoring, analytics, import).
  'leads-domain': {
    mutate: ['libs/{leads,lead-*}/src/**/domain/**/*.ts'],
    tests: ['<rootDir>/libs/{leads,lead-*}/src/**/domain/**/*.spec.ts'],
  },
  'organisation-domain': {
    mutate: ['libs/organisation/src/domain/**/*.ts'],
    tests: ['<rootDir>/libs/organisation/src/domain/**/*.spec.ts'],
  },
  'opportunities-domain': {
    mutate: ['libs/opportunities/src/domain/**/*.ts'],
    tests: ['<rootDir>/libs/opportunities/src/domain/**/*.spec.ts'],
  },
  'contracts-domain': {
    mutate: ['libs/contracts/src/domain/**/*.ts'],
    tests: ['<rootDir>/libs/contracts/src/domain/**/*.spec.ts'],
  },
  // The ticket decider, its SLA clocks and the business-time clock (domain/clock/).
  'service-domain': {
    mutate: ['libs/service/src/domain/**/*.ts'],
    tests: ['<rootDir>/libs/service/src/domain/**/*.spec.ts'],
  },
};

const name = process.env.LTC_MUTATION_TARGET ?? '';
// Narrows a run to some files of the target (comma-separated globs), e.g. one adapter.
const only = process.env.LTC_MUTATE?.split(',').filter(Boolean);
// Narrows the specs run for each mutant (comma-separated globs from the repository root) for a
// quick per-file measurement: kills by the target's other specs are then not counted.
const onlyTests = process.env.LTC_MUTATION_TESTS?.split(',')
  .filter(Boolean)
  .map((glob) => `<rootDir>/${glob}`);
// One sandbox by default; 2 when the machine is otherwise idle.
const concurrency = Number(process.env.LTC_MUTATION_CONCURRENCY ?? '1');
const target = targets[name];
if (!target) {
  throw new Error(`LTC_MUTATION_TARGET must be one of: ${Object.keys(targets).join(', ')} (got "${name}")`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  // Jest runs native ESM here (see jest.config.js), in Stryker's child processes too.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Only this library's own specs: the e2e suites are too slow to run per mutant.
    config: { testMatch: onlyTests ?? target.tests },
    enableFindRelatedTests: false,
  },
  mutate: [...(only ?? target.mutate), ...notLogic],
  coverageAnalysis: 'perTest',
  concurrency,
  // On top of the covering tests' own time: a mutant that loops or never settles is cut off
  // (and counted as killed) instead of stalling the run.
  // LTC_MUTATION_TIMEOUT_MS raises it when the machine is busy with other work, so that a
  // starved test is not miscounted as a mutant that hangs.
  timeoutMS: Number(process.env.LTC_MUTATION_TIMEOUT_MS ?? '5000'),
  timeoutFactor: 1.5,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // The sandbox needs the sources and configs only; node_modules is symlinked in.
  ignorePatterns: ['dist', 'data', 'coverage', 'reports', 'deploy', 'bench', 'docs', '*.sqlite*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
