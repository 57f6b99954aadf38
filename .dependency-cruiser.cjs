/**
 * The structure riskmap keeps (`npm run check:structure`, run by `npm test`):
 * config ← geo ← sample ← db ← api, the web on geo and contract; no cycles; routes are mounted by the
 * app only; geo algorithms are handed their configuration instead of importing the defaults.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'modules must not import each other in a circle', from: { path: '^(packages|apps)/[^/]+/src' }, to: { circular: true } },
    {
      name: 'routes-only-from-the-app', severity: 'error',
      comment: 'route modules are mounted by app.ts; shared rules live in services/ or a package',
      from: { path: '^apps/api/src/', pathNot: ['^apps/api/src/routes/', '^apps/api/src/app\\.ts$', '^apps/api/src/openapi/'] },
      to: { path: '^apps/api/src/routes/' },
    },
    {
      name: 'geo-is-handed-its-configuration', severity: 'error',
      comment: 'packages/geo functions take the configuration slice they need as an argument (types only from @riskmap/config)',
      from: { path: '^packages/geo/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/config/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'geo-has-no-io', severity: 'error', comment: 'packages/geo is pure: no database, no HTTP, no file system',
      from: { path: '^packages/geo/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(packages/(db|sample)|apps)/|node_modules/(pg|kysely|express|@electric-sql)/|^(fs|node:fs|http|node:http)$' },
    },
    {
      name: 'layers-flow-one-way', severity: 'error', comment: 'packages never import apps; the web never imports the api or db',
      from: { path: '^packages/' }, to: { path: '^apps/' },
    },
    { name: 'web-is-a-client', severity: 'error', from: { path: '^apps/web/' }, to: { path: '^(apps/api|packages/db)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
