/**
 * Dependency rules that keep the functional core pure (STYLE.md). Run by `npm run lint`.
 * A violation fails the build; fix the import, don't relax the rule.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ code never imports Nest, a store or database client, or anything outside its own domain folder but the shared kernel',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: {
        pathNot: ['^libs/$1/src/domain/', '^libs/kernel/src/'],
        dependencyTypesNot: ['core'],
      },
    },
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
    {
      name: 'contexts-are-separate',
      comment:
        'a bounded context does not import another context; cross-context flows are process managers reacting to events',
      severity: 'error',
      from: { path: '^libs/(leads|opportunities|contracts|service-issues|organisation)/' },
      to: { path: '^libs/(leads|opportunities|contracts|service-issues|organisation)/', pathNot: '^libs/$1/' },
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
