/**
 * Dependency rules that keep the functional core pure (STYLE.md). Run by `npm run lint`.
 * A violation fails the build; fix the import, don't relax the rule.
 * test/boundaries.spec.ts plants a violation of each context rule and requires it to fail.
 */
// The bounded contexts, each with the libraries it is built from: the first holds the context's
// core and its descriptor, the others are separable parts of it (lead scoring, analytics,
// import). The table-ownership lint rule reads the same list.
const CONTEXTS = require('./scripts/boundaries/bounded-contexts.json');
const anyOf = (libraries) => libraries.join('|');
const LIBRARIES = anyOf(Object.values(CONTEXTS).flat());
// A context's published event contract: the one file another context may import (types only).
const EVENT_CONTRACT = `^libs/(${LIBRARIES})/src/events\\.ts$`;
// Contexts built from more than one library, as their core library and its parts.
const SPLIT_CONTEXTS = Object.entries(CONTEXTS)
  .filter(([, libraries]) => libraries.length > 1)
  .map(([context, [core, ...parts]]) => ({ context, core, parts: anyOf(parts) }));
const PART_DOMAINS = SPLIT_CONTEXTS.map(({ parts }) => `^libs/(${parts})/src/domain/`);

/** One rule per context: what its libraries, taken together, may not import of the others'. */
const perContext = (rule) => Object.values(CONTEXTS).map((libraries) => rule(anyOf(libraries)));

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ code never imports Nest, a store or database client, or anything outside its own domain folder but the shared kernel and Luxon (pure date arithmetic over the IANA zone rules; hand-written zone rules are a known source of bugs)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: PART_DOMAINS },
      to: {
        pathNot: ['^libs/$1/src/domain/', '^libs/kernel/src/', '^node_modules/luxon/'],
        dependencyTypesNot: ['core'],
      },
    },
    ...SPLIT_CONTEXTS.map(({ core, parts }) => ({
      name: 'domain-is-pure',
      comment: `a part of a context speaks its core's language: its domain/ may also import the pure domain of libs/${core}`,
      severity: 'error',
      from: { path: `^libs/(${parts})/src/domain/` },
      to: {
        pathNot: ['^libs/$1/src/domain/', `^libs/${core}/src/domain/`, '^libs/kernel/src/'],
        dependencyTypesNot: ['core'],
      },
    })),
    ...SPLIT_CONTEXTS.map(({ context, core, parts }) => ({
      name: 'a-context-s-parts-build-on-its-core',
      comment: `the parts of ${context} use libs/${core}, never the reverse; only the context's descriptor, which composes them, imports the parts`,
      severity: 'error',
      from: { path: `^libs/${core}/`, pathNot: `^libs/${core}/src/${context}\\.context\\.ts$` },
      to: { path: `^libs/(${parts})/` },
    })),
    {
      name: 'domain-no-node-io',
      comment: 'domain/ decisions get time and ids from outside; no node built-ins',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'one-library-owns-the-store',
      comment: 'only libs/event-store (and the wire double in libs/testing) may import the EventStoreDB client or grpc',
      severity: 'error',
      from: { pathNot: ['^libs/event-store/', '^libs/testing/'] },
      to: { path: 'node_modules/(@eventstore|@kurrent|@grpc)/' },
    },
    ...perContext((own) => ({
      name: 'contexts-are-separate',
      comment:
        "a bounded context imports nothing of another context but its published event contract (libs/<context>/src/events.ts); cross-context flows are projections and process managers of the other context's events. The libraries of one context may use each other's internals",
      severity: 'error',
      from: { path: `^libs/(${own})/` },
      to: { path: `^libs/(${LIBRARIES})/`, pathNot: [`^libs/(${own})/`, EVENT_CONTRACT] },
    })),
    ...perContext((own) => ({
      name: 'event-contracts-are-types-only',
      comment:
        "another context's event contract is imported with `import type`: a consumer shares the producer's event shapes, never its code",
      severity: 'error',
      from: { path: `^libs/(${own})/` },
      to: { path: EVENT_CONTRACT, pathNot: `^libs/(${own})/`, dependencyTypesNot: ['type-only'] },
    })),
    {
      name: 'an-event-contract-holds-only-types',
      comment: "a context's events.ts re-exports types (`export type`), so importing it never loads the context",
      severity: 'error',
      from: { path: EVENT_CONTRACT },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'apps-use-a-context-s-public-entry',
      comment: 'the apps (the composition root) import a context by its public entry (#ltc/<context>), not its files',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: `^libs/(${LIBRARIES})/`, pathNot: `^libs/(${LIBRARIES})/src/(index|events)\\.ts$` },
    },
    {
      name: 'apps-are-separate',
      comment:
        'an app never imports another app; what two apps share lives in a library (the composition root is libs/engine)',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'the-web-app-speaks-http',
      comment:
        'apps/web/src runs in the browser (its build config is Node) and knows the engine only through its HTTP API (the generated schema.d.ts); it imports no library, no Node built-in',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { pathNot: ['^apps/web/', '^node_modules/'] },
    },
    {
      name: 'only-apps-compose',
      comment:
        'libs/engine composes the contexts; a library importing it would make a cycle, and a context declares itself with defineContext instead',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/engine/' },
      to: { path: '^libs/engine/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
    },
    exclude: { path: ['\\.spec\\.ts$'] },
  },
};
