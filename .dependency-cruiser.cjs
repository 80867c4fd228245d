// The layering of src/, checked by `npm run lint` (depcruise). Dependencies point one way:
//   core ← domains (the model) ← auth, persistence (contract, rows) ← the backends ← src/backends.ts
//   core, domains, auth ← http ← routes ← src/app.ts
// Each backend folder (src/persistence/sqlite, …) and each domain folder (src/domains/tasks, …) is one unit.
const BACKEND = '^src/persistence/(memory|sqlite|postgres)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between files, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      scope: 'folder',
      severity: 'error',
      comment:
        'No cycle between folders: each backend and each domain folder is one unit. (A folder counts the ' +
        'files of the folders inside it, so the rule below keeps the shared persistence files off the backends.)',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-persistence-not-to-backend',
      severity: 'error',
      comment:
        'The contract and row shapes in src/persistence/ are what the backends import: they must not import ' +
        'a backend back (that is a cycle persistence ⇄ persistence/<backend>). Choosing a backend is ' +
        'src/backends.ts.',
      from: { path: '^src/persistence/[^/]+$' },
      to: { path: BACKEND },
    },
    {
      name: 'backend-not-to-other-backend',
      severity: 'error',
      comment: 'A backend stands alone: it never imports another backend.',
      from: { path: '^src/persistence/([^/]+)/' },
      to: { path: BACKEND, pathNot: '^src/persistence/$1/' },
    },
    {
      name: 'backend-not-to-http-or-routes',
      severity: 'error',
      comment: 'A backend knows nothing of HTTP: not src/http/, not the routes.',
      from: { path: BACKEND },
      to: { path: '^src/(http|routes)/' },
    },
    {
      name: 'route-not-to-backend',
      severity: 'error',
      comment: 'Routes reach storage through app.repos (the contract), never a backend.',
      from: { path: '^src/routes/' },
      to: { path: [BACKEND, '^src/backends\\.ts$'] },
    },
    {
      name: 'core-depends-on-nothing',
      severity: 'error',
      comment: 'src/core/ is the bottom layer: it imports nothing of ours outside itself.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'domain-model-only-core',
      severity: 'error',
      comment: 'The domain model (schemas, rules, plans) imports only src/core/ and other domain model files.',
      from: { path: '^src/domains/' },
      to: { path: '^src/', pathNot: '^src/(core|domains)/' },
    },
    {
      name: 'auth-model-below-http-and-storage',
      severity: 'error',
      comment: 'src/auth/ (roles, token shape, secrets) is imported by http and persistence, never the reverse.',
      from: { path: '^src/auth/' },
      to: { path: ['^src/(http|routes|persistence|dump|cli)/', '^src/(app|backends|server)\\.ts$'] },
    },
    {
      name: 'ui-only-through-the-api',
      severity: 'error',
      comment:
        'The web interface (ui/src) reaches the server through HTTP only, typed by the generated ' +
        'openapi.d.ts: it imports nothing from src/, and src/ imports nothing from it.',
      from: { path: '^ui/src/' },
      to: { path: '^src/' },
    },
    {
      name: 'server-not-to-ui',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^ui/' },
    },
  ],
  options: {
    includeOnly: '^(src|ui/src)/',
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still a cycle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
