/**
 * The architecture as rules (`npm run lint`): core is pure, packages depend one way, routes hold
 * no SQL. A rule that fails names the file and the import that broke it.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core has no I/O: no Node built-ins, no database, no HTTP; server, CLI, bench and web all share it',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-depends-on-nothing-of-ours',
      comment: 'core is the bottom layer: it imports no other workspace and no framework',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: ['^packages/(server|cli|web)/', 'node_modules/(kysely|pg|@electric-sql|fastify|@fastify|react|i18next)'] },
    },
    {
      name: 'server-knows-no-front-ends',
      comment: 'the CLI and the console call the server, never the other way round',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/(cli|web)/' },
    },
    {
      name: 'web-calls-the-api-only',
      comment: 'the console reaches the bank through the public API; it may share types, not server code',
      severity: 'error',
      from: { path: '^packages/web/src', pathNot: ['\\.test\\.tsx?$', '^packages/web/src/test/'] },
      to: { path: ['^packages/(server|cli)/', 'node_modules/(kysely|pg|@electric-sql|fastify)'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-hold-no-sql',
      comment: 'routes parse, call the store and answer; queries live in store/ (types of the database may be named)',
      severity: 'error',
      from: { path: '^packages/server/src/routes' },
      to: { path: ['node_modules/(kysely|pg|@electric-sql)', '^packages/server/src/db/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'a cycle between modules makes the order of initialisation an accident',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^packages/[^/]+/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
    combinedDependencies: true,
  },
};
