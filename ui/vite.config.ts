// The web interface's build: ui/ → dist/ui, served at /ui/ by src/http/ui.ts. Hashed names under assets/
// (cached for a year), no inline script or style (the CSP allows neither), nothing loaded from elsewhere.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ui/',
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would be data: URLs, which the CSP refuses; the polyfill is for browsers we do not target.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
  },
})
