// ESLint runs two jobs Biome has no rule for: regular expressions that can backtrack in super-linear time (a
// title ending in a NUL once blocked the server for seconds), and imports restricted to their types only.
// Biome does everything else.
import tsParser from '@typescript-eslint/parser'
import regexp from 'eslint-plugin-regexp'

// On Node 22 and later an ES module's import of node:http loads Node's own undici, 27 ms of the server's
// start-up: src/core/node-http.ts takes it with `require`, and the rest of src from there. Types may be
// imported as usual.
const NODE_HTTP_BY_REQUIRE = {
  name: 'node:http',
  message: 'import it from src/core/node-http.ts (an ES module import of it slows start-up on Node 22+)',
  allowTypeImports: true,
}

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'no-restricted-imports': ['error', NODE_HTTP_BY_REQUIRE],
    },
  },
  {
    files: ['ui/src/**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
]
