import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { contextBoundaries } from '../scripts/boundaries/context-owns-its-tables.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** A miniature repository with planted violations (see its README). */
const PLANTED = join(REPO, 'test/fixtures/boundaries');

const require = createRequire(import.meta.url);
const dependencyRules = require(join(REPO, '.dependency-cruiser.cjs')) as IConfiguration;
/** Every library of a bounded context (bounded-contexts.json lists each context's libraries). */
const CONTEXT_LIBRARIES = Object.values(
  require(join(REPO, 'scripts/boundaries/bounded-contexts.json')) as Record<string, string[]>,
).flat();

/** The violations `npm run lint`'s dependency-cruiser rules find under `root`, as `rule: from -> to`. */
async function dependencyViolations(root: string): Promise<string[]> {
  const { tsConfig, ...options } = dependencyRules.options ?? {};
  const result = await cruise(
    ['apps', 'libs'],
    { ...options, validate: true, ruleSet: { forbidden: dependencyRules.forbidden ?? [] }, baseDir: root },
    undefined,
    // The repository resolves through its tsconfig; the miniature has relative imports only.
    root === REPO && tsConfig?.fileName ? { tsConfig: extractTSConfig(join(REPO, tsConfig.fileName)) } : undefined,
  );
  const output = result.output as ICruiseResult;
  expect(output.summary.totalCruised).toBeGreaterThan(0);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

/** The table-ownership problems `npm run lint` reports under `root`, as `file:line message`. */
async function tableViolations(root: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    // Only this rule: the files' own eslint-disable comments name rules that are not loaded here.
    allowInlineConfig: false,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, contextBoundaries],
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(CONTEXT_LIBRARIES.map((library) => `libs/${library}/**/*.ts`));
  return results
    .flatMap((result) => result.messages.map((m) => `${relative(root, result.filePath)}:${m.line} ${m.message}`))
    .sort();
}

describe('Context boundaries › the rules bite on planted violations', () => {
  it("refuses another context's internals, a contract imported as code, a contract with code, an app reaching into a context, and a context's core using its parts", async () => {
    expect(await dependencyViolations(PLANTED)).toEqual([
      // The leads context is built from two libraries here: the arrow runs from the part to the core,
      // a part's domain may use only the core's domain, and to another context the part is leads' internals.
      'a-context-s-parts-build-on-its-core: libs/leads/src/violations/imports-its-part.ts -> libs/lead-scoring/src/allowed/reads-lead-internals.ts',
      'an-event-contract-holds-only-types: libs/opportunities/src/events.ts -> libs/opportunities/src/domain/opportunity.events.ts',
      'apps-use-a-context-s-public-entry: apps/api/src/main.ts -> libs/organisation/src/read-models/org-reps.projection.ts',
      'contexts-are-separate: libs/leads/src/violations/imports-organisation-internals.ts -> libs/organisation/src/domain/rep.events.ts',
      'contexts-are-separate: libs/organisation/src/violations/imports-lead-scoring-internals.ts -> libs/lead-scoring/src/domain/scored-sources.ts',
      'domain-is-pure: libs/lead-scoring/src/domain/uses-lead-projection.ts -> libs/leads/src/allowed/lead-sales-reps.projection.ts',
      'event-contracts-are-types-only: libs/leads/src/violations/imports-contract-as-value.ts -> libs/organisation/src/events.ts',
    ]);
  });

  it("refuses another context's table wherever code names one, and a table two contexts create", async () => {
    const foreign =
      "'org_reps' is a table of the organisation context; leads reads its own projection of organisation's published events instead";
    const shared = "'org_teams' is created by leads and organisation; a table has one owning context";
    expect(await tableViolations(PLANTED)).toEqual(
      [
        `libs/leads/src/violations/creates-organisation-table.ts:5 ${shared}`,
        `libs/leads/src/violations/reads-organisation-tables.ts:4 ${foreign}`,
        `libs/leads/src/violations/reads-organisation-tables.ts:6 ${foreign}`,
        `libs/leads/src/violations/reads-organisation-tables.ts:8 ${foreign}`,
        `libs/leads/src/violations/reads-organisation-tables.ts:10 ${foreign}`,
        // The organisation itself may not name a table that has two owners either.
        `libs/organisation/src/read-models/org-reps.projection.ts:5 ${shared}`,
        // A table created by a part of the leads context (libs/lead-scoring) is the leads context's.
        `libs/organisation/src/violations/reads-lead-scoring-table.ts:4 'lead_scores' is a table of the leads context; organisation reads its own projection of leads's published events instead`,
      ].sort(),
    );
  });
});

/**
 * Both read every file of every context (the table check parses each with the TypeScript parser):
 * seconds alone, past the default 30 s when the whole suite shares two loaded cores.
 */
const WHOLE_REPOSITORY_MS = 180_000;

describe('Context boundaries › the repository keeps them', () => {
  it(
    'has no dependency violation',
    async () => {
      expect(await dependencyViolations(REPO)).toEqual([]);
    },
    WHOLE_REPOSITORY_MS,
  );

  it(
    "has no context naming another context's table",
    async () => {
      expect(await tableViolations(REPO)).toEqual([]);
    },
    WHOLE_REPOSITORY_MS,
  );
});
